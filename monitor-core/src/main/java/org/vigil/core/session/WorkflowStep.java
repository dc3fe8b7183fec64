package org.vigil.core.session;

/** The steps of a session's workflow, each a command; a refusal lists the ones the state allows, in these words. */
enum WorkflowStep {
    CHECK_IN("check the patient in"),
    RECORD_PRE_ASSESSMENT("record the pre-assessment"),
    EVALUATE_GATE("evaluate the pre-dose gate"),
    OVERRIDE_GATE_HOLD("override the gate hold (provider, with a reason)"),
    DEFER("defer the session"),
    START_DOSING("start the infusion"),
    ADMINISTER_ESKETAMINE_DEVICE("record an esketamine device"),
    START_OBSERVATION("start observation"),
    ASSESS_DISCHARGE("assess discharge"),
    DISCHARGE("discharge the patient"),
    DOCUMENT("document the session"),
    REVIEW("review the session (provider)"),
    ESCALATE("escalate to a provider"),
    RESOLVE_ESCALATION("resolve the escalation"),
    TRANSFER("transfer to emergency care"),
    ADD_NOTE("add a note");

    private final String description;

    WorkflowStep(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }
}
