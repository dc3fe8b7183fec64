package org.vigil.simulator.pump;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * IHE PCD-01 "Communicate PCD Data" for an infusion pump, HL7 v2.6 {@code ORU^R01^ORU_R01} with the PCD-01 profile
 * in MSH-21: the pump's state and programme as periodic observations (IHE PCD TF-2, PCD-01; rows and terms as in
 * {@link PumpHl7}). OBR-4 is the SNOMED "monitoring of patient" service PCD-01 uses.
 */
public final class Pcd01PumpEncoder {

    public static final String MESSAGE_PROFILE = "IHE_PCD_001^IHE PCD^1.3.6.1.4.1.19376.1.6.1.1.1^ISO";
    public static final String MONITORING_OF_PATIENT = "182777000^monitoring of patient^SNOMED-CT";

    private Pcd01PumpEncoder() {
    }

    public static String encode(PumpIdentity pump, String controlId, Instant at, PumpSnapshot snapshot) {
        StringBuilder message = PumpHl7.header(pump, controlId, at, "ORU^R01^ORU_R01", MESSAGE_PROFILE,
                MONITORING_OF_PATIENT, controlId, null);
        List<String> rows = new ArrayList<>();
        rows.add(PumpHl7.mdsRow(pump, at));
        rows.addAll(PumpHl7.deliveryRows(snapshot, at));
        return PumpHl7.withObservations(message, rows);
    }
}
