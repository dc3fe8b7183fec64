package org.vigil.adapters.hl7.wire;

import ca.uhn.hl7v2.HL7Exception;
import org.vigil.core.api.DeviceReport;
import org.vigil.core.api.MessageKey;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Maps a decoded PCD message to the device reports it carries. Pure apart from the injected clock that
 * stamps the receive time.
 *
 * <ul>
 * <li>PCD-04 ({@code ORU^R40}) → one {@link org.vigil.core.api.DeviceAlarmReport} ({@link AlarmReportMapper}).</li>
 * <li>PCD-10 ({@code ORU^R42}) → one {@link org.vigil.core.api.PumpReport} ({@link PumpReportMapper}).</li>
 * <li>PCD-01 ({@code ORU^R01}) is read by MDS, the first part of OBX-4: an MDS whose rows include an
 *     infusion pump device row ({@code MDC_DEV_PUMP_*}) or a pump-only metric is a pump and gives a
 *     {@link org.vigil.core.api.PumpReport}; the rows of every other MDS give one
 *     {@link org.vigil.core.api.DeviceObservations} ({@link VitalsMapper}). IHE PCD lets a gateway put
 *     several devices in one PCD-01 message; a message with a monitor and a pump therefore gives both reports,
 *     neither device's data dropped. The first report keeps the message key; each further one gets the key
 *     {@code <MSH-10>/<MDS>}, so a resend is recognised report by report.</li>
 * </ul>
 * The message key is the sender (MSH-3 and MSH-4, {@link Hl7Header#sender()}) and MSH-10.
 */
public final class PcdMapper {

    private final Clock clock;

    public PcdMapper(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Maps with the clock's current instant as the receive time. */
    public Hl7MapResult map(Hl7DecodeResult.Decoded decoded) {
        return map(decoded, clock.instant());
    }

    /** Maps with a receive time taken earlier, when the frame arrived. */
    public Hl7MapResult map(Hl7DecodeResult.Decoded decoded, Instant receivedAt) {
        try {
            return withinLimits(mapMessage(decoded, receivedAt));
        } catch (HL7Exception | RuntimeException e) {
            return new Hl7MapResult.Failed(Hl7Failure.error(Hl7ErrorCode.APPLICATION_INTERNAL_ERROR,
                    "the message could not be read: " + Redaction.reason(e.getMessage())));
        }
    }

    /** A message naming a device or key longer than {@link WireLimits} allows is refused as a whole. */
    private static Hl7MapResult withinLimits(Hl7MapResult result) {
        if (result instanceof Hl7MapResult.Mapped mapped) {
            for (DeviceReport report : mapped.reports()) {
                Optional<Hl7Failure> tooLong = WireLimits.report(report);
                if (tooLong.isPresent()) {
                    return new Hl7MapResult.Failed(tooLong.get());
                }
            }
        }
        return result;
    }

    private Hl7MapResult mapMessage(Hl7DecodeResult.Decoded decoded, Instant receivedAt) throws HL7Exception {
        Hl7Header header = decoded.header();
        List<PcdOrder> orders = PcdReader.orders(decoded.message());
        List<ObxRow> rows = orders.stream().flatMap(order -> order.rows().stream()).toList();
        if (rows.isEmpty()) {
            return new Hl7MapResult.Failed(Hl7Failure.error(Hl7ErrorCode.SEGMENT_SEQUENCE_ERROR,
                    "no OBX segment follows an OBR segment (PCD messages report observations as OBR then OBX)"));
        }
        MessageKey key = new MessageKey(header.sender(), header.controlId());
        return switch (decoded.transaction()) {
            case PCD_04 -> AlarmReportMapper.map(header, orders, key, receivedAt);
            case PCD_10 -> PumpReportMapper.map(header, PcdTransaction.PCD_10, rows, key, receivedAt);
            case PCD_01 -> observations(header, rows, key, receivedAt);
        };
    }

    private static Hl7MapResult observations(Hl7Header header, List<ObxRow> rows, MessageKey key, Instant receivedAt) {
        Set<String> pumps = new LinkedHashSet<>();
        for (ObxRow row : rows) {
            if (PumpTerms.isPumpRow(row)) {
                pumps.add(row.mds());
            }
        }
        if (pumps.isEmpty()) {
            return VitalsMapper.map(header, rows, key, receivedAt);
        }
        Map<String, List<ObxRow>> pumpRows = new LinkedHashMap<>();
        pumps.forEach(mds -> pumpRows.put(mds, new ArrayList<>()));
        List<ObxRow> monitorRows = new ArrayList<>();
        for (ObxRow row : rows) {
            List<ObxRow> pump = pumpRows.get(row.mds());
            (pump != null ? pump : monitorRows).add(row);
        }
        List<DeviceReport> reports = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (monitorRows.stream().anyMatch(row -> "NM".equalsIgnoreCase(row.valueType()))) {
            Hl7MapResult vitals = VitalsMapper.map(header, monitorRows, key, receivedAt);
            if (vitals instanceof Hl7MapResult.Mapped mapped) {
                reports.addAll(mapped.reports());
            } else {
                warnings.add("monitor rows left out: " + ((Hl7MapResult.Failed) vitals).failure().reason());
            }
        }
        for (Map.Entry<String, List<ObxRow>> pump : pumpRows.entrySet()) {
            MessageKey pumpKey = reports.isEmpty() ? key : new MessageKey(key.sender(), key.controlId() + "/" + pump.getKey());
            Hl7MapResult mapped = PumpReportMapper.map(header, PcdTransaction.PCD_01, pump.getValue(), pumpKey, receivedAt);
            if (mapped instanceof Hl7MapResult.Failed failed) {
                if (pumpRows.size() == 1 && reports.isEmpty()) {
                    return failed;
                }
                warnings.add("infusion pump MDS " + pump.getKey() + " left out: " + failed.failure().reason());
            } else {
                Hl7MapResult.Mapped done = (Hl7MapResult.Mapped) mapped;
                reports.addAll(done.reports());
                warnings.addAll(done.warnings());
            }
        }
        if (reports.isEmpty()) {
            return new Hl7MapResult.Failed(Hl7Failure.error(Hl7ErrorCode.REQUIRED_FIELD_MISSING,
                    "no observation and no pump status, programme or volume in the message"));
        }
        return new Hl7MapResult.Mapped(reports, warnings);
    }
}
