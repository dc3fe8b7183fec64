package org.vigil.simulator.masimo;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * One line of a Masimo Radical-7's ASCII 1 output, as the oximeter writes it each second (docs/PROTOCOLS.md §4):
 * {@code 11/03/26 09:14:02 SN=0000012345 SPO2=097% BPM=084 PI=02.10% SPCO=--.-% SPMET=--.-% DESAT=-- PIDELTA=+--
 * ALARM=0000 EXC=000000} and CR LF. A value the oximeter does not have is written as dashes.
 *
 * @param deviceTime    the oximeter's clock
 * @param serialNumber  ten digits
 * @param spo2          %, or {@code null}
 * @param pulseRate     /min, or {@code null}
 * @param perfusionIndex %, or {@code null}
 * @param alarmBits     the {@code ALARM} bit field
 * @param exceptionBits the {@code EXC} bit field
 */
public record OximeterLine(LocalDateTime deviceTime, String serialNumber, Integer spo2, Integer pulseRate,
                           Double perfusionIndex, int alarmBits, int exceptionBits) {

    /** {@code EXC}: no sensor connected. */
    public static final int NO_SENSOR = 0x000001;
    /** {@code EXC}: low perfusion. */
    public static final int LOW_PERFUSION = 0x000004;
    /** {@code EXC}: sensor off the patient. */
    public static final int SENSOR_OFF = 0x000020;
    /** {@code EXC}: the algorithm runs in full SET mode; set on every line with a signal. */
    public static final int MASIMO_SET = 0x000800;
    /** {@code ALARM}: the oximeter's own alarm is active. */
    public static final int ALARM_ACTIVE = 0x0010;

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("MM/dd/yy HH:mm:ss", Locale.ROOT);

    public OximeterLine {
        Objects.requireNonNull(deviceTime, "device time");
        Objects.requireNonNull(serialNumber, "serial number");
    }

    /** The line's text without its line end. */
    public String text() {
        return DATE_TIME.format(deviceTime)
                + " SN=" + serialNumber
                + " SPO2=" + (spo2 == null ? "---" : String.format(Locale.ROOT, "%03d", spo2)) + "%"
                + " BPM=" + (pulseRate == null ? "---" : String.format(Locale.ROOT, "%03d", pulseRate))
                + " PI=" + (perfusionIndex == null ? "--.--" : String.format(Locale.ROOT, "%05.2f", perfusionIndex))
                + "% SPCO=--.-% SPMET=--.-% DESAT=-- PIDELTA=+--"
                + String.format(Locale.ROOT, " ALARM=%04X EXC=%06X", alarmBits, exceptionBits);
    }

    /** The bytes on the wire, ended by CR LF. */
    public byte[] bytes() {
        return (text() + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
