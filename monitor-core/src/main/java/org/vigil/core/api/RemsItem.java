package org.vigil.core.api;

/**
 * A field of the esketamine REMS Patient Monitoring Form (FDA Spravato REMS; docs/DOMAIN.md, "The esketamine REMS
 * Patient Monitoring Form"), in the form's order. Vigil derives what it can from a session's events; a director
 * completes the rest ({@link RemsItemCompletedEvent}).
 */
public enum RemsItem {
    TREATMENT_DATE("Date of treatment"),
    DOSE("Dose (number of 28 mg devices)"),
    LOT_NUMBERS("Device lot numbers"),
    CONCOMITANT_MEDICATIONS("Concomitant medications that sedate or raise blood pressure"),
    MONITORING_START("Monitoring start (first device)"),
    MONITORING_END("Monitoring end"),
    MONITORING_MINUTES("Total monitoring time, minutes (120 or more)"),
    BP_BEFORE_DOSING("Blood pressure before dosing"),
    BP_AT_40_MIN("Blood pressure about 40 minutes after dosing"),
    BP_BEFORE_DISCHARGE("Blood pressure before discharge"),
    VITALS_ACCEPTABLE_BEFORE_DOSING("Vital signs acceptable before dosing"),
    VITALS_ACCEPTABLE_BEFORE_DISCHARGE("Vital signs acceptable before discharge"),
    READY_TO_LEAVE_AT("When the patient would have been ready to leave without the 2-hour minimum"),
    SEDATION("Sedation assessment"),
    DISSOCIATION("Dissociation assessment"),
    ADVERSE_EVENTS("Adverse events");

    private final String label;

    RemsItem(String label) {
        this.label = label;
    }

    /** The field as the form names it. */
    public String label() {
        return label;
    }
}
