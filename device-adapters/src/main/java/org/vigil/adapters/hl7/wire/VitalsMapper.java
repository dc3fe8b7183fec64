package org.vigil.adapters.hl7.wire;

import org.vigil.core.api.DeviceObservations;
import org.vigil.core.api.MessageKey;
import org.vigil.core.api.Observation;
import org.vigil.core.api.Vital;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Maps the monitor rows of a PCD-01 message to the {@link DeviceObservations} they report: one message, one
 * record (docs/DESIGN.md, principle 2).
 *
 * <p>Per IHE PCD TF-2 (PCD-01 OBX usage; docs/PROTOCOLS.md §1):
 * <ul>
 * <li>every numeric OBX becomes an observation: OBX-2 {@code NM}, or OBX-2 empty with a numeric OBX-5
 *     (the decoder has typed those {@code NM}).
 *     An {@code NM} row with an empty or non-numeric OBX-5 is the device saying the value is not available;
 *     it is kept with a {@code null} value. Rows with no OBX-2 and no value are the MDS/VMD/channel
 *     containment rows and carry no measurement; rows of other types (text, coded) are not vitals.</li>
 * <li>the MDC code is OBX-3.1, the label OBX-3.2; the unit is OBX-6 in UCUM ({@link MdcUnits}).</li>
 * <li>the observation time is OBX-14, else OBR-7 of its order, else MSH-7 ({@link Hl7Time}).</li>
 * <li>the device is named as {@link DeviceIds} says.</li>
 * <li>the message's own time is MSH-7, else the first OBR-7.</li>
 * </ul>
 */
final class VitalsMapper {

    private VitalsMapper() {
    }

    static Hl7MapResult map(Hl7Header header, List<ObxRow> rows, MessageKey key, Instant receivedAt) {
        Instant messageTime = Hl7Time.parse(header.dateTimeOfMessage()).orElse(null);
        List<Observation> observations = new ArrayList<>();
        for (ObxRow row : rows) {
            observation(row, messageTime).ifPresent(observations::add);
        }
        if (observations.isEmpty()) {
            return new Hl7MapResult.Failed(Hl7Failure.error(Hl7ErrorCode.REQUIRED_FIELD_MISSING,
                    "no numeric observation with an MDC code in OBX-3 among " + rows.size() + " OBX segments"));
        }
        Instant firstOrderTime = rows.stream().map(ObxRow::orderTime).filter(t -> t != null).findFirst().orElse(null);
        Instant deviceTime = messageTime != null ? messageTime : firstOrderTime;
        return Hl7MapResult.Mapped.of(new DeviceObservations(DeviceIds.of(rows, header), key, deviceTime, receivedAt,
                observations), List.of());
    }

    private static Optional<Observation> observation(ObxRow row, Instant messageTime) {
        if (!"NM".equalsIgnoreCase(row.valueType()) || !row.code().matches("\\d{1,9}")) {
            return Optional.empty();
        }
        int mdcCode = Integer.parseInt(row.code());
        Instant time = row.time() != null ? row.time() : row.orderTime() != null ? row.orderTime() : messageTime;
        return Optional.of(new Observation(mdcCode, label(row, mdcCode), row.number().orElse(null), row.unit(), time));
    }

    private static String label(ObxRow row, int mdcCode) {
        if (!row.referenceId().isEmpty()) {
            return row.referenceId();
        }
        return Vital.ofMdcCode(mdcCode).map(Vital::mdcName).orElse(String.valueOf(mdcCode));
    }
}
