package org.vigil.query.fhir;

import java.util.List;
import java.util.Map;
import org.vigil.core.api.Vital;

/**
 * The LOINC codes of Vigil's vital signs, beside their MDC codes (docs/DOMAIN.md, "Vital signs"). Heart rate,
 * oxygen saturation, respiratory rate and the blood-pressure panel carry the codes of FHIR R4's vital signs profile
 * (hl7.org/fhir/R4/observation-vitalsigns.html): 8867-4, 2708-6 (with 59408-5, by pulse oximetry), 9279-1, 85354-9
 * with 8480-6 and 8462-4; the oximeter's pulse rate is 8889-8, end-tidal CO2 19889-5, mean arterial pressure 8478-0.
 */
final class VitalCodes {

    static final String LOINC = "http://loinc.org";
    static final String MDC = "urn:iso:std:iso:11073:10101";
    static final String UCUM = "http://unitsofmeasure.org";

    record Code(String code, String display) {
    }

    static final Code BLOOD_PRESSURE_PANEL = new Code("85354-9", "Blood pressure panel with all children optional");
    static final int NIBP_MDC = 150020;

    private static final Map<Vital, List<Code>> LOINC_CODES = Map.of(
            Vital.HEART_RATE, List.of(new Code("8867-4", "Heart rate")),
            Vital.PULSE_RATE, List.of(new Code("8889-8", "Heart rate by Pulse oximetry")),
            Vital.NIBP_PULSE_RATE, List.of(new Code("8867-4", "Heart rate")),
            Vital.SPO2, List.of(new Code("2708-6", "Oxygen saturation in Arterial blood"),
                    new Code("59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry")),
            Vital.RESPIRATORY_RATE, List.of(new Code("9279-1", "Respiratory rate")),
            Vital.ETCO2, List.of(new Code("19889-5",
                    "Carbon dioxide [Partial pressure] in Exhaled gas --at end expiration")),
            Vital.NIBP_SYSTOLIC, List.of(new Code("8480-6", "Systolic blood pressure")),
            Vital.NIBP_DIASTOLIC, List.of(new Code("8462-4", "Diastolic blood pressure")),
            Vital.NIBP_MEAN, List.of(new Code("8478-0", "Mean blood pressure")));

    private VitalCodes() {
    }

    /** The LOINC codes of {@code vital}, most general first; empty when it has none. */
    static List<Code> loinc(Vital vital) {
        return LOINC_CODES.getOrDefault(vital, List.of());
    }
}
