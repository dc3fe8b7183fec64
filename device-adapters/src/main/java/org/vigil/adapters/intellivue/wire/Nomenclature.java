package org.vigil.adapters.intellivue.wire;

/** Protocol constants of the Philips Data Export Interface Programming Guide used by this client. */
final class Nomenclature {

    /** Session header types ("Association Control", SPDU identifiers). */
    static final int CN_SPDU = 0x0D;
    static final int AC_SPDU = 0x0E;
    static final int RF_SPDU = 0x0C;
    static final int FN_SPDU = 0x09;
    static final int DN_SPDU = 0x0A;
    static final int AB_SPDU = 0x19;
    /** SPpdu session id of data messages ({@code 0xE100}), and its presentation context id. */
    static final int DATA_SESSION_ID = 0xE100;
    static final int PRESENTATION_CONTEXT_ID = 2;

    /** ROapdus types. */
    static final int ROIV_APDU = 1;
    static final int RORS_APDU = 2;
    static final int ROER_APDU = 3;
    static final int RORLS_APDU = 5;

    /** Command types. */
    static final int CMD_EVENT_REPORT = 0;
    static final int CMD_CONFIRMED_EVENT_REPORT = 1;
    static final int CMD_CONFIRMED_ACTION = 7;

    /** RORLS linked-reply states. */
    static final int RORLS_FIRST = 1;
    static final int RORLS_NOT_FIRST_NOT_LAST = 2;
    static final int RORLS_LAST = 3;

    static final int NOM_NOTI_MDS_CREAT = 0x0D06;
    static final int NOM_ACT_POLL_MDIB_DATA = 0x0C16;
    static final int NOM_ACT_POLL_MDIB_DATA_EXT = 0xF13B;

    static final int NOM_PART_OBJ = 1;
    static final int NOM_MOC_VMO_METRIC_NU = 6;
    static final int NOM_MOC_VMS_MDS = 0x21;

    static final int NOM_ATTR_NU_CMPD_VAL_OBS = 0x094B;
    static final int NOM_ATTR_NU_VAL_OBS = 0x0950;
    static final int NOM_ATTR_TIME_ABS = 0x0987;
    static final int NOM_ATTR_TIME_REL = 0x098F;
    static final int NOM_ATTR_TIME_STAMP_ABS = 0x0990;

    /** Size of one NuObsValue: physio id, state, unit code, FLOAT-Type. */
    static final int NU_OBS_VALUE_LENGTH = 10;

    private Nomenclature() {
    }
}
