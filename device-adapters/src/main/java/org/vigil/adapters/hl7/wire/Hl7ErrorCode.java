package org.vigil.adapters.hl7.wire;

/** The HL7 error codes (table 0357) Vigil puts in ERR-3 of a negative acknowledgement. */
public enum Hl7ErrorCode {
    SEGMENT_SEQUENCE_ERROR("100", "Segment sequence error"),
    REQUIRED_FIELD_MISSING("101", "Required field missing"),
    DATA_TYPE_ERROR("102", "Data type error"),
    VALUE_TOO_LONG("104", "Value too long"),
    UNSUPPORTED_MESSAGE_TYPE("200", "Unsupported message type"),
    UNSUPPORTED_EVENT_CODE("201", "Unsupported event code"),
    UNKNOWN_KEY_IDENTIFIER("204", "Unknown key identifier"),
    APPLICATION_INTERNAL_ERROR("207", "Application internal error");

    private final String code;
    private final String text;

    Hl7ErrorCode(String code, String text) {
        this.code = code;
        this.text = text;
    }

    public String code() {
        return code;
    }

    public String text() {
        return text;
    }
}
