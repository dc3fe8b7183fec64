package org.vigil.adapters.hl7.wire;

import org.vigil.core.api.PumpAlarmKind;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Names the pump alarms of docs/DOMAIN.md ("Infusion pumps": occlusion, air-in-line, door open, infusion complete,
 * low battery) by their IEEE 11073-10101 event codes, as pumps report them in a PCD-04 alarm
 * ({@code OBX-5} of the {@code MDC_EVT_ALARM} row) or in a PCD-01 {@code MDC_ATTR_AL_COND} row.
 *
 * <p>Sources: the pump alarm conditions of the Rosetta terminology listed in "PCD Event Nomenclature from
 * Rosetta" (IHE PCD wiki, 2010); the code 196940 of {@code MDC_EVT_FLUID_LINE_OCCL} from the B. Braun
 * occlusion alarm in the Philips IntelliBridge PCD-04 examples. A distal occlusion is the pump's plain
 * {@code MDC_EVT_FLUID_LINE_OCCL}; the proximal one has its own name. Other codes are matched by reference id.
 */
public final class PumpAlarmCodes {

    private static final Map<PumpAlarmKind, List<MdcTerm>> TERMS = Map.of(
            PumpAlarmKind.OCCLUSION_DOWNSTREAM, List.of(MdcTerm.of(196940, "MDC_EVT_FLUID_LINE_OCCL",
                    "MDC_EVT_FLUID_LINE_OCCL_DISTAL", "MDC_EVT_FLUID_LINE_OCCL_DOWNSTREAM")),
            PumpAlarmKind.OCCLUSION_UPSTREAM, List.of(MdcTerm.of(0, "MDC_EVT_FLUID_LINE_OCCL_PROXIMAL",
                    "MDC_EVT_FLUID_LINE_OCCL_UPSTREAM")),
            PumpAlarmKind.AIR_IN_LINE, List.of(MdcTerm.of(0, "MDC_EVT_FLUID_LINE_AIR")),
            PumpAlarmKind.DOOR_OPEN, List.of(MdcTerm.of(0, "MDC_EVT_DOOR_POSN_ERR", "MDC_EVT_DOOR_OPEN")),
            PumpAlarmKind.INFUSION_COMPLETE, List.of(MdcTerm.of(0, "MDC_EVT_VOL_INFUS_COMP")),
            PumpAlarmKind.LOW_BATTERY, List.of(MdcTerm.of(0, "MDC_EVT_BATT_LO", "MDC_EVT_BATT_DEPL")));

    private PumpAlarmCodes() {
    }

    /**
     * The pump alarm an alarm code names, for example {@code 196940^MDC_EVT_FLUID_LINE_OCCL} (the form of
     * {@link org.vigil.core.api.DeviceAlarmReport#alarmCode()}), or empty when it is not one of the pump
     * alarms Vigil knows by name.
     */
    public static Optional<PumpAlarmKind> kindOf(String alarmCode) {
        if (alarmCode == null) {
            return Optional.empty();
        }
        String[] parts = alarmCode.split("\\^", -1);
        String code = parts[0].strip();
        String referenceId = parts.length > 1 ? parts[1].strip() : "";
        if (referenceId.isEmpty() && !code.matches("\\d+")) {
            referenceId = code;
        }
        return kindOf(code.matches("\\d{1,9}") ? Integer.parseInt(code) : 0, referenceId);
    }

    static Optional<PumpAlarmKind> kindOf(int code, String referenceId) {
        return TERMS.entrySet().stream()
                .filter(entry -> entry.getValue().stream().anyMatch(term -> term.matches(code, referenceId)))
                .map(Map.Entry::getKey)
                .findFirst();
    }
}
