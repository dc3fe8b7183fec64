package org.vigil.simulator.hl7;

import org.vigil.simulator.patient.VitalSign;

/**
 * IEEE 11073-10101 terms as PCD-01 carries them ({@code code^REFID^MDC}), with each metric's place in the
 * monitor's containment tree MDS.VMD.CHAN.METRIC (IHE PCD TF-2, OBX-4). Metric and unit codes are those of
 * docs/DOMAIN.md "Vital signs"; device codes are partition 1 (object infrastructure) VMD and channel terms.
 */
enum MdcTerm {

    HEART_RATE(VitalSign.HEART_RATE, Group.ECG, 1, "147842^MDC_ECG_HEART_RATE^MDC", Unit.BEATS_PER_MINUTE),
    SPO2(VitalSign.SPO2, Group.PULSE_OXIMETRY, 1, "150456^MDC_PULS_OXIM_SAT_O2^MDC", Unit.PERCENT),
    PULSE_RATE(VitalSign.PULSE_RATE, Group.PULSE_OXIMETRY, 2, "149530^MDC_PULS_OXIM_PULS_RATE^MDC",
            Unit.BEATS_PER_MINUTE),
    RESPIRATORY_RATE(VitalSign.RESPIRATORY_RATE, Group.RESPIRATION, 1, "151562^MDC_RESP_RATE^MDC",
            Unit.BREATHS_PER_MINUTE),
    NIBP_SYSTOLIC(VitalSign.NIBP_SYSTOLIC, Group.NIBP, 1, "150021^MDC_PRESS_BLD_NONINV_SYS^MDC", Unit.MMHG),
    NIBP_DIASTOLIC(VitalSign.NIBP_DIASTOLIC, Group.NIBP, 2, "150022^MDC_PRESS_BLD_NONINV_DIA^MDC", Unit.MMHG),
    NIBP_MEAN(VitalSign.NIBP_MEAN, Group.NIBP, 3, "150023^MDC_PRESS_BLD_NONINV_MEAN^MDC", Unit.MMHG),
    NIBP_PULSE_RATE(VitalSign.NIBP_PULSE_RATE, Group.NIBP, 4, "149546^MDC_PULS_RATE_NON_INV^MDC",
            Unit.BEATS_PER_MINUTE);

    static final String MDS = "69965^MDC_DEV_MON_PHYSIO_MULTI_PARAM_MDS^MDC";

    final VitalSign vital;
    final Group group;
    final int metricNumber;
    final String observationIdentifier;
    final Unit unit;

    MdcTerm(VitalSign vital, Group group, int metricNumber, String observationIdentifier, Unit unit) {
        this.vital = vital;
        this.group = group;
        this.metricNumber = metricNumber;
        this.observationIdentifier = observationIdentifier;
        this.unit = unit;
    }

    static MdcTerm of(VitalSign vital) {
        for (MdcTerm term : values()) {
            if (term.vital == vital) {
                return term;
            }
        }
        throw new IllegalArgumentException("no MDC term for " + vital);
    }

    /** A virtual medical device with its one channel; the number is its VMD index under the MDS. */
    enum Group {
        ECG(1, "69798^MDC_DEV_ECG_VMD^MDC", "69799^MDC_DEV_ECG_CHAN^MDC"),
        PULSE_OXIMETRY(2, "69642^MDC_DEV_ANALY_SAT_O2_VMD^MDC", "69643^MDC_DEV_ANALY_SAT_O2_CHAN^MDC"),
        RESPIRATION(3, "69722^MDC_DEV_ANALY_RESP_RATE_VMD^MDC", "69723^MDC_DEV_ANALY_RESP_RATE_CHAN^MDC"),
        NIBP(4, "70686^MDC_DEV_PRESS_BLD_NONINV_VMD^MDC", "70687^MDC_DEV_PRESS_BLD_NONINV_CHAN^MDC");

        final int number;
        final String vmd;
        final String channel;

        Group(int number, String vmd, String channel) {
            this.number = number;
            this.vmd = vmd;
            this.channel = channel;
        }
    }

    enum Unit {
        BEATS_PER_MINUTE("264864^MDC_DIM_BEAT_PER_MIN^MDC"),
        PERCENT("262688^MDC_DIM_PERCENT^MDC"),
        MMHG("266016^MDC_DIM_MMHG^MDC"),
        BREATHS_PER_MINUTE("264928^MDC_DIM_RESP_PER_MIN^MDC");

        final String field;

        Unit(String field) {
            this.field = field;
        }
    }
}
