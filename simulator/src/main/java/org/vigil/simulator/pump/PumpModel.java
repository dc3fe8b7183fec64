package org.vigil.simulator.pump;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

/**
 * A volumetric infusion pump as a pure state machine over simulated time: volume infused is the integral of the
 * rate over the time spent infusing, exact to the end of the programme (the step that reaches the volume to be
 * infused is split there). INFUSING becomes COMPLETE when the volume to be infused is delivered, with the
 * infusion-complete alarm, and COMPLETE becomes KVO after {@code completeHold}; keep-vein-open volume is counted
 * apart from the programme's volume, as a pump's "volume infused" counter does (IHE PCD IPEC supplement, X.1:
 * "volume infused may continue to increase after the transition to KVO" depending on the pump; this one keeps the
 * programme counter at the volume to be infused). A high-priority alarm stops the infusion until someone starts
 * it again (docs/DOMAIN.md, "Infusion pumps"). Every change is recorded as a {@link PumpEvent}. Not thread-safe.
 */
public final class PumpModel {

    /** Keep-vein-open rate after completion, mL/h; a common pump default. */
    public static final double DEFAULT_KVO_RATE = 1.0;
    /** How long the pump shows "complete" before it switches to KVO. */
    public static final Duration DEFAULT_COMPLETE_HOLD = Duration.ofMinutes(1);
    private static final double NANOS_PER_HOUR = 3.6e12;
    private static final int OCCLUDED_PRESSURE = 620;

    private final double kvoRate;
    private final Duration completeHold;
    private final EnumSet<PumpAlarmCode> alarms = EnumSet.noneOf(PumpAlarmCode.class);
    private final List<PumpEvent> events = new ArrayList<>();
    private Programme programme;
    private PumpState state = PumpState.IDLE;
    private Duration elapsed = Duration.ZERO;
    private Duration completedAt;
    private double programmeDelivered;
    private double kvoDelivered;

    public PumpModel(Programme programme) {
        this(programme, DEFAULT_KVO_RATE, DEFAULT_COMPLETE_HOLD);
    }

    public PumpModel(Programme programme, double kvoRate, Duration completeHold) {
        this.programme = Objects.requireNonNull(programme, "programme");
        this.kvoRate = kvoRate;
        this.completeHold = Objects.requireNonNull(completeHold, "complete hold");
    }

    /** Lets simulated time run up to {@code time} since the start; an earlier time changes nothing. */
    public void advanceTo(Duration time) {
        while (elapsed.compareTo(time) < 0) {
            Duration step = time.minus(elapsed);
            switch (state) {
                case INFUSING -> infuse(step);
                case COMPLETE -> {
                    Duration kvoAt = completedAt.plus(completeHold);
                    if (kvoAt.compareTo(time) <= 0) {
                        elapsed = kvoAt;
                        state = PumpState.KVO;
                        record(PumpEvent.Kind.KVO_STARTED, null);
                    } else {
                        elapsed = time;
                    }
                }
                case KVO -> {
                    kvoDelivered += kvoRate * hours(step);
                    elapsed = time;
                }
                default -> elapsed = time;
            }
        }
    }

    /** Starts or resumes delivery; false when the pump cannot start (a stopping alarm, nothing left to infuse). */
    public boolean start() {
        boolean startable = state == PumpState.IDLE || state == PumpState.PAUSED || state == PumpState.STOPPED;
        if (!startable || hasStoppingAlarm() || programme.vtbiMl() - programmeDelivered <= 0
                || programme.rateMlPerHour() <= 0) {
            return false;
        }
        state = PumpState.INFUSING;
        record(PumpEvent.Kind.DELIVERY_STARTED, null);
        return true;
    }

    /** Stops delivery, the infusion or keep-vein-open; false when nothing was being delivered. */
    public boolean stop() {
        if (state != PumpState.INFUSING && state != PumpState.KVO && state != PumpState.COMPLETE) {
            return false;
        }
        state = PumpState.STOPPED;
        record(PumpEvent.Kind.DELIVERY_STOPPED, null);
        return true;
    }

    /** Holds delivery as the pause key does. */
    public boolean pause() {
        if (state != PumpState.INFUSING) {
            return false;
        }
        state = PumpState.PAUSED;
        record(PumpEvent.Kind.DELIVERY_STOPPED, null);
        return true;
    }

    /** Sets the rate; the dose rate follows in proportion. While infusing this is a rate change event. */
    public void setRate(double mlPerHour) {
        if (!(mlPerHour >= 0)) {
            throw new IllegalArgumentException("rate must not be negative: " + mlPerHour);
        }
        double doseRate = programme.rateMlPerHour() > 0
                ? programme.doseRate() * mlPerHour / programme.rateMlPerHour()
                : 0.0;
        programme = programme.withRate(mlPerHour, doseRate);
        if (state == PumpState.INFUSING) {
            record(PumpEvent.Kind.RATE_CHANGED, null);
        }
    }

    public void setVolumeToBeInfused(double ml) {
        if (!(ml >= 0)) {
            throw new IllegalArgumentException("volume to be infused must not be negative: " + ml);
        }
        programme = programme.withVtbi(ml);
    }

    /** Raises an alarm; one that stops the infusion stops it. Raising an active alarm again changes nothing. */
    public void raise(PumpAlarmCode alarm) {
        if (!alarms.add(alarm)) {
            return;
        }
        record(PumpEvent.Kind.ALARM_RAISED, alarm);
        if (alarm.stopsInfusion() && (state == PumpState.INFUSING || state == PumpState.KVO)) {
            state = PumpState.STOPPED;
            record(PumpEvent.Kind.DELIVERY_STOPPED, null);
        }
    }

    /** Ends an alarm condition (the occlusion cleared, the door closed); the pump stays stopped. */
    public void clear(PumpAlarmCode alarm) {
        if (alarms.remove(alarm)) {
            record(PumpEvent.Kind.ALARM_CLEARED, alarm);
        }
    }

    public PumpSnapshot snapshot() {
        Duration remaining = null;
        if (state == PumpState.INFUSING && programme.rateMlPerHour() > 0) {
            double hoursLeft = Math.max(0.0, programme.vtbiMl() - programmeDelivered) / programme.rateMlPerHour();
            remaining = Duration.ofSeconds(Math.round(hoursLeft * 3600));
        }
        return new PumpSnapshot(elapsed, state, programme, programmeDelivered, kvoDelivered, List.copyOf(alarms),
                linePressure(), remaining);
    }

    /** The events since the last call, oldest first. */
    public List<PumpEvent> drainEvents() {
        List<PumpEvent> drained = List.copyOf(events);
        events.clear();
        return drained;
    }

    private void infuse(Duration step) {
        double rate = programme.rateMlPerHour();
        double left = programme.vtbiMl() - programmeDelivered;
        double hoursToEnd = rate > 0 ? left / rate : Double.POSITIVE_INFINITY;
        if (hoursToEnd <= hours(step)) {
            elapsed = elapsed.plusNanos(Math.round(hoursToEnd * NANOS_PER_HOUR));
            programmeDelivered = programme.vtbiMl();
            state = PumpState.COMPLETE;
            completedAt = elapsed;
            record(PumpEvent.Kind.DELIVERY_COMPLETED, null);
            if (alarms.add(PumpAlarmCode.COMPLETE)) {
                record(PumpEvent.Kind.ALARM_RAISED, PumpAlarmCode.COMPLETE);
            }
        } else {
            programmeDelivered += rate * hours(step);
            elapsed = elapsed.plus(step);
        }
    }

    private boolean hasStoppingAlarm() {
        return alarms.stream().anyMatch(PumpAlarmCode::stopsInfusion);
    }

    private int linePressure() {
        if (alarms.contains(PumpAlarmCode.OCCL_DOWN)) {
            return OCCLUDED_PRESSURE;
        }
        return switch (state) {
            case INFUSING -> 20 + (int) Math.min(200, Math.round(programme.rateMlPerHour() / 5));
            case KVO -> 15;
            default -> 5;
        };
    }

    private void record(PumpEvent.Kind kind, PumpAlarmCode alarm) {
        events.add(new PumpEvent(kind, alarm, snapshot()));
    }

    private static double hours(Duration duration) {
        return duration.toNanos() / NANOS_PER_HOUR;
    }
}
