package org.vigil.query.sessions;

import java.io.Flushable;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.MessageKey;
import org.vigil.core.api.Observation;
import org.vigil.core.api.ObservationsRecordedEvent;
import org.vigil.core.api.PumpAlarm;
import org.vigil.core.api.PumpProgramme;
import org.vigil.core.api.PumpReport;
import org.vigil.core.api.PumpReportRecordedEvent;

/**
 * A session's device values as CSV (RFC 4180: a header row, CRLF line ends, fields quoted where needed), written as
 * the session's events are read, oldest first. An {@code observation} row is one value of a device message; a
 * {@code pump} row is one pump message with its programme, volumes, status and alarms. Times are ISO-8601 UTC; a
 * value the device sent as not available, or a field the message did not carry, is an empty field, never 0.
 * Other events of the session write nothing.
 */
final class SessionCsv implements Flushable {

    /** The columns; an observation row leaves the pump's empty, a pump row the observation's. */
    enum Column {
        KIND, DEVICE_TIME, RECEIVED_AT, DEVICE, MESSAGE, MDC_CODE, LABEL, VALUE, UNIT,
        PUMP_STATUS, DRUG, CONCENTRATION_MG_PER_ML, RATE_ML_PER_H, VTBI_ML, DOSE_RATE, DOSE_RATE_UNIT,
        VOLUME_INFUSED_ML, VOLUME_REMAINING_ML, TIME_REMAINING, PUMP_ALARMS;

        /** The header's name of the column, for example {@code device_time}. */
        String header() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final String OBSERVATION = "observation";
    static final String PUMP = "pump";

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader(Arrays.stream(Column.values()).map(Column::header).toArray(String[]::new))
            .get();

    private final CSVPrinter printer;

    /** Starts the CSV on {@code out} with its header row. */
    SessionCsv(Appendable out) throws IOException {
        this.printer = new CSVPrinter(out, FORMAT);
    }

    /** Writes the rows of one event of the session: none for an event that carries no device values. */
    void write(Object event) throws IOException {
        if (event instanceof ObservationsRecordedEvent recorded) {
            for (Observation observation : recorded.observations()) {
                observation(recorded, observation);
            }
        } else if (event instanceof PumpReportRecordedEvent recorded) {
            pump(recorded.report());
        }
    }

    @Override
    public void flush() throws IOException {
        printer.flush();
    }

    private void observation(ObservationsRecordedEvent message, Observation observation) throws IOException {
        Object[] row = row(OBSERVATION, message.deviceTimeOf(observation), message.receivedAt(),
                message.deviceId(), message.messageKey());
        row[Column.MDC_CODE.ordinal()] = observation.mdcCode();
        row[Column.LABEL.ordinal()] = observation.label();
        row[Column.VALUE.ordinal()] = number(observation.value());
        row[Column.UNIT.ordinal()] = observation.unit();
        printer.printRecord(row);
    }

    private void pump(PumpReport report) throws IOException {
        Object[] row = row(PUMP, report.deviceTime(), report.receivedAt(), report.deviceId(), report.messageKey());
        row[Column.PUMP_STATUS.ordinal()] = report.status();
        PumpProgramme programme = report.programme();
        if (programme != null) {
            row[Column.DRUG.ordinal()] = programme.drug();
            row[Column.CONCENTRATION_MG_PER_ML.ordinal()] = number(programme.concentrationMgPerMl());
            row[Column.RATE_ML_PER_H.ordinal()] = number(programme.rateMlPerHour());
            row[Column.VTBI_ML.ordinal()] = number(programme.vtbiMl());
            row[Column.DOSE_RATE.ordinal()] = number(programme.doseRate());
            row[Column.DOSE_RATE_UNIT.ordinal()] = programme.doseRateUnit();
        }
        row[Column.VOLUME_INFUSED_ML.ordinal()] = number(report.volumeInfusedMl());
        row[Column.VOLUME_REMAINING_ML.ordinal()] = number(report.volumeRemainingMl());
        row[Column.TIME_REMAINING.ordinal()] = duration(report.timeRemaining());
        row[Column.PUMP_ALARMS.ordinal()] = report.alarms().stream().map(SessionCsv::alarm)
                .collect(Collectors.joining("; "));
        printer.printRecord(row);
    }

    /** A row with the columns every row has; {@code null}, an empty field, in the others. */
    private static Object[] row(String kind, Instant deviceTime, Instant receivedAt, DeviceId device,
                                MessageKey message) {
        Object[] row = new Object[Column.values().length];
        row[Column.KIND.ordinal()] = kind;
        row[Column.DEVICE_TIME.ordinal()] = time(deviceTime);
        row[Column.RECEIVED_AT.ordinal()] = time(receivedAt);
        row[Column.DEVICE.ordinal()] = device;
        row[Column.MESSAGE.ordinal()] = message;
        return row;
    }

    /** An alarm as {@code OCCLUSION_DOWNSTREAM (HIGH): the pump's text}. */
    private static String alarm(PumpAlarm alarm) {
        String named = alarm.kind() + " (" + alarm.priority() + ")";
        return alarm.text() == null || alarm.text().isBlank() ? named : named + ": " + alarm.text();
    }

    private static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String duration(Duration duration) {
        return duration == null ? null : duration.toString();
    }

    /** The value as written in decimal, never in exponent form; {@code null} (not available) stays empty. */
    private static String number(Double value) {
        if (value == null) {
            return null;
        }
        return Double.isFinite(value) ? BigDecimal.valueOf(value).toPlainString() : value.toString();
    }
}
