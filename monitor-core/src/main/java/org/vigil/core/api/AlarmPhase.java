package org.vigil.core.api;

/** The phase of a device's own alarm as IHE PCD-04 reports it (start, update, end). */
public enum AlarmPhase {
    START,
    UPDATE,
    END
}
