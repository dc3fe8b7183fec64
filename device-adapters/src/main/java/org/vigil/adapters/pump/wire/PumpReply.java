package org.vigil.adapters.pump.wire;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/** A reply of the pump, decoded but not yet mapped; the field layout is in {@code package-info}. */
public sealed interface PumpReply {

    /**
     * The answer to {@code INF}.
     *
     * @param alarmCodes         the active alarm codes, empty when the field says {@code NONE}
     * @param rateMlPerHour      the programmed rate, mL/h
     * @param volumeInfusedMl    volume delivered in this programme, mL
     * @param linePressureMmHg   downstream line pressure, mmHg; {@code null} when the pump sent {@code --}
     * @param timeRemaining      time to the end of the programme; {@code null} when not infusing
     * @param volumeRemainingMl  volume still to be infused; {@code null} when not sent
     * @param deviceTime         the pump's own clock, in its own zone; {@code null} when not sent
     */
    record Status(String serialNumber, List<String> alarmCodes, PumpMode mode, double rateMlPerHour,
                  double volumeInfusedMl, Integer linePressureMmHg, Duration timeRemaining,
                  Double volumeRemainingMl, LocalDateTime deviceTime) implements PumpReply {

        public Status {
            Objects.requireNonNull(serialNumber, "serial number");
            Objects.requireNonNull(mode, "mode");
            alarmCodes = List.copyOf(alarmCodes);
        }
    }

    /**
     * The answer to {@code INF_PROG}: what the pump was programmed with.
     *
     * @param doseRate     dose rate in {@code doseRateUnit}; {@code null} with its unit when the pump sent {@code --}
     */
    record Programme(String drug, double concentrationMgPerMl, double rateMlPerHour, double vtbiMl,
                     Double doseRate, String doseRateUnit) implements PumpReply {
    }

    /** {@code ACK^<command>}: a setting or control command was carried out. */
    record Accepted(String command) implements PumpReply {
    }

    /** {@code NAK^<command>^<reason>}: a command was refused, e.g. while remote control is disabled. */
    record Refused(String command, String reason) implements PumpReply {
    }
}
