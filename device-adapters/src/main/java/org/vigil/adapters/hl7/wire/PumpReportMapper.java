package org.vigil.adapters.hl7.wire;

import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.MessageKey;
import org.vigil.core.api.PumpAlarm;
import org.vigil.core.api.PumpAlarmKind;
import org.vigil.core.api.PumpProgramme;
import org.vigil.core.api.PumpReport;
import org.vigil.core.api.PumpStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Maps the rows of one infusion pump, from a PCD-01 observation or a PCD-10 event, to a {@link PumpReport}.
 *
 * <table>
 * <caption>Rows read (IPEC supplement table X.1.2.1-1 and sample message; PCD-01 pump containment)</caption>
 * <tr><th>OBX-3</th><th>PumpReport</th></tr>
 * <tr><td>157784 MDC_FLOW_FLUID_PUMP</td><td>programme rate, mL/h</td></tr>
 * <tr><td>157884 MDC_VOL_FLUID_TBI</td><td>programme volume to be infused, mL</td></tr>
 * <tr><td>157760 MDC_CONC_DRUG</td><td>programme concentration, mg/mL</td></tr>
 * <tr><td>157924 MDC_RATE_DOSE</td><td>programme dose rate and its UCUM unit</td></tr>
 * <tr><td>184330 MDC_DRUG_NAME_TYPE, 184514 MDC_DRUG_NAME_LABEL</td><td>programme drug</td></tr>
 * <tr><td>157993 MDC_VOL_FLUID_DELIV_TOTAL, else 157864 MDC_VOL_FLUID_DELIV</td><td>volume infused, mL</td></tr>
 * <tr><td>157872 MDC_VOL_FLUID_TBI_REMAIN</td><td>volume remaining, mL</td></tr>
 * <tr><td>157916 MDC_TIME_PD_REMAIN</td><td>time remaining</td></tr>
 * <tr><td>MDC_PUMP_STAT, MDC_PUMP_INFUSING_STATUS, MDC_DEV_PUMP_CURRENT_DELIVERY_STATUS,
 *     MDC_DEV_PUMP_NOT_DELIVERING_REASON, and the PCD-10 event</td><td>status ({@link PumpStatusRules})</td></tr>
 * <tr><td>68012 MDC_ATTR_AL_COND</td><td>an active pump alarm ({@link PumpAlarmCodes}; priority from OBX-8;
 *     a high-priority pump alarm stops the infusion, docs/DOMAIN.md)</td></tr>
 * </table>
 *
 * <p>The event of a PCD-10 message is the OBX-5 of its {@code MDC_ATTR_EVT_COND} row; a PCD-10 message without
 * one is an error, because each PCD-10 message reports exactly one event (IPEC X.1.1). The device time is
 * the event row's OBX-14, else OBR-7, else MSH-7: IPEC asks that event times say when the event happened,
 * not when it was sent.
 */
final class PumpReportMapper {

    private PumpReportMapper() {
    }

    static Hl7MapResult map(Hl7Header header, PcdTransaction transaction, List<ObxRow> rows, MessageKey key,
                            Instant receivedAt) {
        PumpRows pump = new PumpRows(rows);
        List<String> warnings = new ArrayList<>();
        PumpEvent event = null;
        Instant eventTime = null;
        if (transaction == PcdTransaction.PCD_10) {
            Optional<ObxRow> eventRow = pump.first(PumpTerms.EVENT_CONDITION);
            Optional<PumpEvent> named = eventRow.flatMap(PumpEvent::of);
            if (named.isEmpty()) {
                return new Hl7MapResult.Failed(Hl7Failure.error(Hl7ErrorCode.REQUIRED_FIELD_MISSING,
                        "no infusion event: a PCD-10 message names its event in OBX-5 of an MDC_ATTR_EVT_COND row"));
            }
            event = named.get();
            eventTime = eventRow.get().time();
        }
        PumpStatus status = PumpStatusRules.status(enumerated(pump, PumpTerms.PUMP_STATUS),
                enumerated(pump, PumpTerms.INFUSING_STATUS), enumerated(pump, PumpTerms.DELIVERY_STATUS),
                enumerated(pump, PumpTerms.NOT_DELIVERING_REASON), event).orElse(null);
        PumpProgramme programme = programme(pump, warnings);
        Double infused = quantity(pump, PumpTerms.VOLUME_DELIVERED_TOTAL, PumpQuantities::ml, "a volume", warnings)
                .or(() -> quantity(pump, PumpTerms.VOLUME_DELIVERED, PumpQuantities::ml, "a volume", warnings))
                .orElse(null);
        Double remaining = quantity(pump, PumpTerms.VOLUME_REMAINING, PumpQuantities::ml, "a volume", warnings)
                .orElse(null);
        Duration timeRemaining = quantity(pump, PumpTerms.TIME_REMAINING, PumpQuantities::duration, "a time", warnings)
                .orElse(null);
        List<PumpAlarm> alarms = alarms(pump);
        if (event == null && status == null && programme == null && infused == null && remaining == null
                && timeRemaining == null && alarms.isEmpty()) {
            return new Hl7MapResult.Failed(Hl7Failure.error(Hl7ErrorCode.REQUIRED_FIELD_MISSING,
                    "no pump status, programme or volume among the " + rows.size() + " OBX segments of the infusion pump"));
        }
        Instant orderTime = rows.stream().map(ObxRow::orderTime).filter(t -> t != null).findFirst().orElse(null);
        Instant deviceTime = eventTime != null ? eventTime
                : orderTime != null ? orderTime : Hl7Time.parse(header.dateTimeOfMessage()).orElse(null);
        return Hl7MapResult.Mapped.of(new PumpReport(DeviceIds.of(rows, header), key, deviceTime, receivedAt, status,
                programme, infused, remaining, timeRemaining, alarms), warnings);
    }

    private static PumpProgramme programme(PumpRows pump, List<String> warnings) {
        String drug = pump.best(PumpTerms.DRUG_NAME).or(() -> pump.best(PumpTerms.DRUG_LABEL))
                .map(ObxRow::words).filter(name -> !name.isEmpty()).orElse(null);
        Double concentration = quantity(pump, PumpTerms.CONCENTRATION, PumpQuantities::mgPerMl,
                "a mass concentration", warnings).orElse(null);
        Double rate = quantity(pump, PumpTerms.RATE, PumpQuantities::mlPerHour, "a flow", warnings).orElse(null);
        Double vtbi = quantity(pump, PumpTerms.VOLUME_TO_BE_INFUSED, PumpQuantities::ml, "a volume", warnings)
                .orElse(null);
        Optional<ObxRow> doseRow = pump.best(PumpTerms.DOSE_RATE);
        Double doseRate = doseRow.flatMap(ObxRow::number).orElse(null);
        String doseRateUnit = doseRate == null ? null : doseRow.get().unit();
        if (drug == null && concentration == null && rate == null && vtbi == null && doseRate == null) {
            return null;
        }
        return new PumpProgramme(drug, concentration, rate, vtbi, doseRate, doseRateUnit);
    }

    private static <T> Optional<T> quantity(PumpRows pump, MdcTerm term, Function<ObxRow, Optional<T>> read,
                                            String dimension, List<String> warnings) {
        Optional<ObxRow> row = pump.best(term);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Optional<T> value = read.apply(row.get());
        if (value.isEmpty() && row.get().number().isPresent()) {
            warnings.add(term + " left out: unit " + Redaction.id(row.get().unit()) + " is not " + dimension + " Vigil converts");
        }
        return value;
    }

    private static String enumerated(PumpRows pump, MdcTerm term) {
        return pump.best(term).map(ObxRow::enumerated).orElse("");
    }

    private static List<PumpAlarm> alarms(PumpRows pump) {
        List<PumpAlarm> alarms = new ArrayList<>();
        for (ObxRow row : pump.every(PumpTerms.ALARM_CONDITION)) {
            String code = row.valueComponent(0);
            String referenceId = row.valueComponent(1);
            if (code.isEmpty() && referenceId.isEmpty()) {
                continue;
            }
            PumpAlarmKind kind = PumpAlarmCodes.kindOf(code.matches("\\d{1,9}") ? Integer.parseInt(code) : 0,
                    referenceId.isEmpty() ? code : referenceId).orElse(PumpAlarmKind.OTHER);
            AlarmPriority priority = AlarmInterpretation.priority(row.interpretation()).orElse(null);
            alarms.add(new PumpAlarm(kind, priority, row.words(), priority == AlarmPriority.HIGH));
        }
        return alarms;
    }
}
