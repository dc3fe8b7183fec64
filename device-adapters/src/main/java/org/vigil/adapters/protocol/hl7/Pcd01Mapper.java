package org.vigil.adapters.protocol.hl7;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Primitive;
import ca.uhn.hl7v2.model.Type;
import ca.uhn.hl7v2.model.v26.datatype.CWE;
import ca.uhn.hl7v2.model.v26.group.ORU_R01_OBSERVATION;
import ca.uhn.hl7v2.model.v26.group.ORU_R01_ORDER_OBSERVATION;
import ca.uhn.hl7v2.model.v26.group.ORU_R01_PATIENT_RESULT;
import ca.uhn.hl7v2.model.v26.segment.OBX;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceObservations;
import org.vigil.core.api.MessageKey;
import org.vigil.core.api.Observation;
import org.vigil.core.api.Vital;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Maps a decoded PCD-01 message to the {@link DeviceObservations} it reports: one message, one record
 * (DESIGN.md, principle 2). Pure apart from the injected clock that stamps the receive time.
 *
 * <p>Per IHE PCD TF-2 (PCD-01 OBX usage; PROTOCOLS.md §1):
 * <ul>
 * <li>every numeric OBX becomes an observation: OBX-2 {@code NM}, or OBX-2 empty with a numeric OBX-5
 *     (the decoder has typed those {@code NM}).
 *     An {@code NM} row with an empty or non-numeric OBX-5 is the device saying the value is not available;
 *     it is kept with a {@code null} value. Rows with no OBX-2 and no value are the MDS/VMD/channel
 *     containment rows and carry no measurement; rows of other types (text, coded) are not vitals.</li>
 * <li>the MDC code is OBX-3.1, the label OBX-3.2; the unit is OBX-6 in UCUM ({@link MdcUnits}).</li>
 * <li>the observation time is OBX-14, else OBR-7 of its order, else MSH-7 ({@link Hl7Time}).</li>
 * <li>the device is OBX-18.1 (the EUI-64 entity identifier) of the first OBX that names one, else OBX-18.3,
 *     else MSH-3.1: a gateway names each device in OBX-18 and itself in MSH-3.</li>
 * <li>the message key is the sender (MSH-3 and MSH-4, {@link Hl7Header#sender()}) and MSH-10.</li>
 * <li>the message's own time is MSH-7, else the first OBR-7.</li>
 * </ul>
 */
public final class Pcd01Mapper {

    private final Clock clock;

    public Pcd01Mapper(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Maps with the clock's current instant as the receive time. */
    public Hl7MapResult map(Hl7DecodeResult.Decoded decoded) {
        return map(decoded, clock.instant());
    }

    /** Maps with a receive time taken earlier, when the frame arrived. */
    public Hl7MapResult map(Hl7DecodeResult.Decoded decoded, Instant receivedAt) {
        try {
            return mapMessage(decoded, receivedAt);
        } catch (HL7Exception | RuntimeException e) {
            return new Hl7MapResult.Failed(Hl7Failure.error(Hl7ErrorCode.APPLICATION_INTERNAL_ERROR,
                    "the observations could not be read: " + e.getMessage()));
        }
    }

    private Hl7MapResult mapMessage(Hl7DecodeResult.Decoded decoded, Instant receivedAt) throws HL7Exception {
        Hl7Header header = decoded.header();
        Instant messageTime = Hl7Time.parse(header.dateTimeOfMessage()).orElse(null);
        Instant firstOrderTime = null;
        String entityId = null;
        String universalId = null;
        int rows = 0;
        List<Observation> observations = new ArrayList<>();
        for (ORU_R01_PATIENT_RESULT result : decoded.message().getPATIENT_RESULTAll()) {
            for (ORU_R01_ORDER_OBSERVATION order : result.getORDER_OBSERVATIONAll()) {
                Instant orderTime = Hl7Time.parse(order.getOBR().getObr7_ObservationDateTime().getValue()).orElse(null);
                if (firstOrderTime == null) {
                    firstOrderTime = orderTime;
                }
                Instant fallbackTime = orderTime != null ? orderTime : messageTime;
                for (ORU_R01_OBSERVATION row : order.getOBSERVATIONAll()) {
                    OBX obx = row.getOBX();
                    rows++;
                    if (obx.getObx18_EquipmentInstanceIdentifierReps() > 0) {
                        var equipment = obx.getObx18_EquipmentInstanceIdentifier(0);
                        entityId = firstNonEmpty(entityId, text(equipment.getEi1_EntityIdentifier()));
                        universalId = firstNonEmpty(universalId, text(equipment.getEi3_UniversalID()));
                    }
                    observation(obx, fallbackTime).ifPresent(observations::add);
                }
            }
        }
        if (rows == 0) {
            return new Hl7MapResult.Failed(Hl7Failure.error(Hl7ErrorCode.SEGMENT_SEQUENCE_ERROR,
                    "no OBX segment follows an OBR segment (PCD-01 reports observations as OBR then OBX)"));
        }
        if (observations.isEmpty()) {
            return new Hl7MapResult.Failed(Hl7Failure.error(Hl7ErrorCode.REQUIRED_FIELD_MISSING,
                    "no numeric observation with an MDC code in OBX-3 among " + rows + " OBX segments"));
        }
        DeviceId deviceId = new DeviceId(deviceId(entityId, universalId, header));
        MessageKey key = new MessageKey(header.sender(), header.controlId());
        Instant deviceTime = messageTime != null ? messageTime : firstOrderTime;
        return new Hl7MapResult.Mapped(new DeviceObservations(deviceId, key, deviceTime, receivedAt, observations));
    }

    private static Optional<Observation> observation(OBX obx, Instant fallbackTime) {
        if (!"NM".equalsIgnoreCase(text(obx.getObx2_ValueType()))) {
            return Optional.empty();
        }
        String value = observationValue(obx);
        boolean numeric = value != null && UntypedObx.NUMBER.matcher(value).matches();
        CWE identifier = obx.getObx3_ObservationIdentifier();
        String code = text(identifier.getCwe1_Identifier());
        if (!code.matches("\\d{1,9}")) {
            return Optional.empty();
        }
        int mdcCode = Integer.parseInt(code);
        CWE units = obx.getObx6_Units();
        String unit = MdcUnits.toUcum(text(units.getCwe1_Identifier()), text(units.getCwe2_Text()),
                text(units.getCwe3_NameOfCodingSystem()));
        Instant time = Hl7Time.parse(obx.getObx14_DateTimeOfTheObservation().getValue()).orElse(fallbackTime);
        Double number = numeric ? Double.valueOf(value) : null;
        return Optional.of(new Observation(mdcCode, label(identifier, mdcCode), number, unit, time));
    }

    private static String observationValue(OBX obx) {
        if (obx.getObx5_ObservationValueReps() == 0) {
            return null;
        }
        Type data = obx.getObx5_ObservationValue(0).getData();
        if (data instanceof Primitive primitive && primitive.getValue() != null) {
            return primitive.getValue().strip();
        }
        return null;
    }

    private static String label(CWE identifier, int mdcCode) {
        String text = text(identifier.getCwe2_Text());
        if (!text.isEmpty()) {
            return text;
        }
        return Vital.ofMdcCode(mdcCode).map(Vital::mdcName).orElse(String.valueOf(mdcCode));
    }

    private static String deviceId(String entityId, String universalId, Hl7Header header) {
        if (entityId != null) {
            return entityId;
        }
        if (universalId != null) {
            return universalId;
        }
        for (String component : header.sendingApplication().split("\\^")) {
            if (!component.isBlank()) {
                return component.strip();
            }
        }
        return header.sender();
    }

    private static String firstNonEmpty(String current, String candidate) {
        return current != null || candidate.isEmpty() ? current : candidate;
    }

    private static String text(Primitive primitive) {
        String value = primitive.getValue();
        return value == null ? "" : value.strip();
    }
}
