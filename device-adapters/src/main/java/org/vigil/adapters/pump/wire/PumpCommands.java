package org.vigil.adapters.pump.wire;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The commands Vigil may send a pump, as frame bodies (docs/PROTOCOLS.md §3; layout in {@code package-info}). Use
 * {@link PumpFrames#frame(String)} to put one on the wire. Monitoring needs only {@link #statusPoll()} and
 * {@link #programmeQuery()}; the pump interlock sends {@link #stop()} between {@link #remoteControl(boolean, int)} on
 * and off. The setting commands and {@link #start()} exist for tests only: Vigil never starts an infusion or sets a
 * rate. The pump accepts control commands only while remote control is enabled.
 */
public final class PumpCommands {

    private PumpCommands() {
    }

    /** {@code INF}: the status poll. */
    public static String statusPoll() {
        return "INF";
    }

    /** {@code INF_PROG}: drug, concentration, rate, volume to be infused and dose rate of the current programme. */
    public static String programmeQuery() {
        return "INF_PROG";
    }

    /** {@code INF_RATE^<x>^ml/h}. */
    public static String setRate(double mlPerHour) {
        return "INF_RATE^" + number(mlPerHour) + "^ml/h";
    }

    /** {@code INF_VTBI^ACTIV^<v>^ml^STOP}: volume to be infused, stopping (not KVO) at its end. */
    public static String setVolumeToBeInfused(double ml) {
        return "INF_VTBI^ACTIV^" + number(ml) + "^ml^STOP";
    }

    public static String start() {
        return "INF_START";
    }

    public static String stop() {
        return "INF_STOP";
    }

    /**
     * {@code REMOTE_CTRL^ENABLED^<s>} or {@code REMOTE_CTRL^DISABLED}: remote control on, with a watchdog of
     * {@code watchdogSeconds} after which the pump falls back to local control unless it hears a command.
     */
    public static String remoteControl(boolean enabled, int watchdogSeconds) {
        if (!enabled) {
            return "REMOTE_CTRL^DISABLED";
        }
        if (watchdogSeconds < 1 || watchdogSeconds > 3600) {
            throw new IllegalArgumentException("watchdog must be 1 to 3600 s, was " + watchdogSeconds);
        }
        return "REMOTE_CTRL^ENABLED^" + watchdogSeconds;
    }

    /** Plain decimal, at most three places, no exponent and no trailing zeros: {@code 52.5}, {@code 35}. */
    static String number(double value) {
        if (!(value >= 0) || Double.isInfinite(value) || value >= 1_000_000) {
            throw new IllegalArgumentException("not a pump setting: " + value);
        }
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
    }
}
