package org.vigil.adapters.hl7.wire;

import org.vigil.core.api.AlarmKind;
import org.vigil.core.api.AlarmPhase;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.DeviceAlarmReport;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.MessageKey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Maps an IHE PCD-04 alert ({@code ORU^R40}, OBR-4 {@code 196616^MDC_EVT_ALARM^MDC}) to a
 * {@link DeviceAlarmReport}, from monitors and pumps alike (IHE PCD TF-2, PCD-04 message semantics).
 *
 * <ul>
 * <li>The alarm row is the first OBX whose OBX-3 is an event: either {@code MDC_EVT_ALARM} with the specific
 *     event in OBX-5 ({@code 196940^MDC_EVT_FLUID_LINE_OCCL^MDC^^^^^^Occlusion}, as pumps send technical
 *     alarms) or the specific event itself ({@code 196670^MDC_EVT_LO}) with the device's words in OBX-5.
 *     {@code alarmCode} is that event's {@code code^reference id}, raw; the text is OBX-5's original text
 *     (CWE.9), else its words.</li>
 * <li>Priority and kind come from OBX-8 of the alarm row ({@link AlarmInterpretation}), else from
 *     {@code MDC_ATTR_ALARM_PRIORITY} / {@code MDC_ATTR_ALERT_TYPE} rows; absent, they stay {@code null}.</li>
 * <li>The phase is {@code MDC_ATTR_EVENT_PHASE}: {@code start} (and {@code start_only}) → START, {@code end}
 *     → END, every other phase (update, continue, escalate, inactivate…) → UPDATE. Without a phase row the
 *     {@code MDC_ATTR_ALARM_STATE} decides: active or latched → START, inactive or off → END.</li>
 * <li>The source metric is the code of a numeric row of the alert (the value that crossed the limit), else
 *     the METRIC part of the alarm row's OBX-4 ({@code 1.3.1.150456.1}), else a numeric
 *     {@code MDC_ATTR_ALERT_SOURCE} (for a pump, its MDS); 0 when none.</li>
 * <li>The alarm's identity across its phases is OBR-29, the parent alert, which updates and ends carry; else
 *     OBR-3, the alert's own filler order number; written as EI.1^EI.2^EI.3 (the identifier type is left out,
 *     devices spell it {@code EUI64} and {@code EUI-64} in the same conversation). Without either, the device
 *     and the alarm code are the identity.</li>
 * <li>The device time is the alarm row's OBX-14, else OBR-7, else MSH-7.</li>
 * </ul>
 */
final class AlarmReportMapper {

    private AlarmReportMapper() {
    }

    static Hl7MapResult map(Hl7Header header, List<PcdOrder> orders, MessageKey key, Instant receivedAt) {
        List<String> warnings = new ArrayList<>();
        PcdOrder order = null;
        ObxRow alarm = null;
        for (PcdOrder candidate : orders) {
            Optional<ObxRow> found = candidate.rows().stream().filter(AlarmTerms::isAlarmRow).findFirst();
            if (found.isPresent() && alarm == null) {
                order = candidate;
                alarm = found.get();
            } else if (found.isPresent()) {
                warnings.add("a further alert under OBR '" + String.join("^", candidate.fillerOrderNumber())
                        + "' left out: one PCD-04 message is recorded as one alarm");
            }
        }
        if (alarm == null) {
            return new Hl7MapResult.Failed(Hl7Failure.error(Hl7ErrorCode.REQUIRED_FIELD_MISSING,
                    "no alarm: a PCD-04 message names its alarm in an OBX whose OBX-3 is MDC_EVT_ALARM or an MDC_EVT event"));
        }
        List<ObxRow> rows = order.rows();
        Optional<AlarmPhase> phase = phase(rows);
        if (phase.isEmpty()) {
            return new Hl7MapResult.Failed(Hl7Failure.error(Hl7ErrorCode.REQUIRED_FIELD_MISSING,
                    "no alarm phase: neither an MDC_ATTR_EVENT_PHASE nor an MDC_ATTR_ALARM_STATE row says whether "
                            + "the alarm starts, goes on or ends"));
        }
        String alarmCode = alarmCode(alarm);
        DeviceId device = DeviceIds.of(withFirst(alarm, rows), header);
        AlarmPriority priority = AlarmInterpretation.priority(alarm.interpretation())
                .or(() -> facet(rows, AlarmTerms.PRIORITY).flatMap(row -> AlarmInterpretation.priority(List.of(row.text()))))
                .orElse(null);
        AlarmKind kind = AlarmInterpretation.kind(alarm.interpretation())
                .or(() -> facet(rows, AlarmTerms.ALERT_TYPE).flatMap(row -> AlarmInterpretation.kind(List.of(row.text()))))
                .orElse(null);
        Instant deviceTime = alarm.time() != null ? alarm.time()
                : order.time() != null ? order.time() : Hl7Time.parse(header.dateTimeOfMessage()).orElse(null);
        return Hl7MapResult.Mapped.of(new DeviceAlarmReport(device, key, deviceTime, receivedAt,
                identity(order, device, alarmCode), alarmCode, source(alarm, rows), text(alarm), phase.get(), priority,
                kind), warnings);
    }

    private static Optional<AlarmPhase> phase(List<ObxRow> rows) {
        Optional<ObxRow> phase = facet(rows, AlarmTerms.EVENT_PHASE);
        if (phase.isPresent() && !phase.get().text().isEmpty()) {
            String value = phase.get().text().toLowerCase(Locale.ROOT);
            if (value.startsWith("start")) {
                return Optional.of(AlarmPhase.START);
            }
            return Optional.of(value.equals("end") ? AlarmPhase.END : AlarmPhase.UPDATE);
        }
        Optional<ObxRow> state = facet(rows, AlarmTerms.ALARM_STATE);
        String value = state.map(row -> row.text().toLowerCase(Locale.ROOT)).orElse("");
        if (value.equals("active") || value.equals("latched")) {
            return Optional.of(AlarmPhase.START);
        }
        if (value.equals("inactive") || value.equals("off")) {
            return Optional.of(AlarmPhase.END);
        }
        return Optional.empty();
    }

    private static String alarmCode(ObxRow alarm) {
        if (alarm.is(AlarmTerms.ALARM)) {
            String code = alarm.valueComponent(0);
            String referenceId = alarm.valueComponent(1);
            boolean coded = code.matches("\\d{1,9}") || referenceId.startsWith("MDC");
            if (coded) {
                return referenceId.isEmpty() ? code : code + "^" + referenceId;
            }
        }
        return alarm.referenceId().isEmpty() ? alarm.code() : alarm.code() + "^" + alarm.referenceId();
    }

    private static String text(ObxRow alarm) {
        String words = alarm.words();
        if (!words.isEmpty()) {
            return words;
        }
        return alarm.referenceId();
    }

    private static int source(ObxRow alarm, List<ObxRow> rows) {
        for (ObxRow row : rows) {
            if (row != alarm && "NM".equalsIgnoreCase(row.valueType()) && row.mdcCode().isPresent()) {
                return row.mdcCode().get();
            }
        }
        List<String> path = alarm.containment();
        if (path.size() >= 5 && path.get(3).matches("\\d{1,9}")) {
            int metric = Integer.parseInt(path.get(3));
            if (metric > 0 && !AlarmTerms.isEventCode(metric)) {
                return metric;
            }
        }
        return facet(rows, AlarmTerms.ALERT_SOURCE)
                .map(row -> row.valueComponent(0))
                .filter(code -> code.matches("\\d{1,9}"))
                .map(Integer::parseInt)
                .orElse(0);
    }

    private static String identity(PcdOrder order, DeviceId device, String alarmCode) {
        String parent = entity(order.parent());
        if (!parent.isEmpty()) {
            return parent;
        }
        String own = entity(order.fillerOrderNumber());
        return own.isEmpty() ? device.value() + "/" + alarmCode : own;
    }

    private static String entity(List<String> identifier) {
        List<String> parts = new ArrayList<>(identifier.subList(0, Math.min(3, identifier.size())));
        while (!parts.isEmpty() && parts.get(parts.size() - 1).isEmpty()) {
            parts.remove(parts.size() - 1);
        }
        return String.join("^", parts);
    }

    private static Optional<ObxRow> facet(List<ObxRow> rows, MdcTerm term) {
        return rows.stream().filter(row -> row.is(term)).findFirst();
    }

    private static List<ObxRow> withFirst(ObxRow first, List<ObxRow> rows) {
        List<ObxRow> ordered = new ArrayList<>();
        ordered.add(first);
        rows.stream().filter(row -> row != first).forEach(ordered::add);
        return ordered;
    }
}
