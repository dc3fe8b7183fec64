package org.vigil.core.alarm;

import org.vigil.core.api.BaselineVitals;
import org.vigil.core.api.SessionStartedEvent;
import org.vigil.core.api.Treatment;

/** What the rules know of the patient: relative rules compare against the baseline taken before dosing. */
record PatientContext(BaselineVitals baseline, int ageYears, Treatment treatment) {

    static PatientContext of(SessionStartedEvent event) {
        return new PatientContext(event.baseline(), event.ageYears(), event.treatment());
    }
}
