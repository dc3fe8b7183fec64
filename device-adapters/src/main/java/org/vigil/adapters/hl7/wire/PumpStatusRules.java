package org.vigil.adapters.hl7.wire;

import org.vigil.core.api.PumpStatus;

import java.util.Optional;

/**
 * Decides what a pump is doing from the status rows of one message and, for PCD-10, its event.
 *
 * <ol>
 * <li>An explicit {@code MDC_PUMP_STAT} row ({@code pump-status-infusing}, {@code -paused}, {@code -kvo},
 *     {@code -complete}, {@code -stopped}, {@code -standby}) says it.</li>
 * <li>{@code MDC_DEV_PUMP_CURRENT_DELIVERY_STATUS = pump-delivery-status-kvo} is {@link PumpStatus#KVO}.</li>
 * <li>A delivery start is {@link PumpStatus#INFUSING}; a delivery complete is {@link PumpStatus#COMPLETE}
 *     (the pump reports the following KVO delivery as its own start, IPEC table X.1.2.1-4).</li>
 * <li>A delivery stop that is {@code transitioning} (a rate change, a switch to bolus) leaves the pump
 *     {@link PumpStatus#INFUSING} unless it says {@code pump-status-not-infusing}, then
 *     {@link PumpStatus#PAUSED}.</li>
 * <li>Not delivering: the {@code MDC_DEV_PUMP_NOT_DELIVERING_REASON} decides — {@code pump-stopped-alarming}
 *     is {@link PumpStatus#STOPPED} (high-priority pump alarms stop the infusion, docs/DOMAIN.md); a stop by the
 *     clinician, between doses, switching source or unspecified is {@link PumpStatus#PAUSED}, which is how
 *     the IPEC scenarios name it ("pause a running infusion", "transition from KVO to paused"); a pump
 *     that is not delivering and gives no reason outside an event is {@link PumpStatus#IDLE}.</li>
 * <li>{@code MDC_PUMP_INFUSING_STATUS = pump-status-infusing} or delivery status {@code delivering} is
 *     {@link PumpStatus#INFUSING}.</li>
 * </ol>
 * Nothing of this in the message: no status.
 */
final class PumpStatusRules {

    private PumpStatusRules() {
    }

    /**
     * @param explicit  the {@code MDC_PUMP_STAT} value, lower case, or empty
     * @param infusing  the {@code MDC_PUMP_INFUSING_STATUS} value, lower case, or empty
     * @param delivery  the {@code MDC_DEV_PUMP_CURRENT_DELIVERY_STATUS} value, lower case, or empty
     * @param reason    the {@code MDC_DEV_PUMP_NOT_DELIVERING_REASON} value, lower case, or empty
     * @param event     the PCD-10 event, or {@code null} for a PCD-01 message
     */
    static Optional<PumpStatus> status(String explicit, String infusing, String delivery, String reason,
                                       PumpEvent event) {
        Optional<PumpStatus> stated = fromPumpStat(explicit);
        if (stated.isPresent()) {
            return stated;
        }
        if (delivery.contains("kvo")) {
            return Optional.of(PumpStatus.KVO);
        }
        boolean notDelivering = delivery.contains("not-delivering") || infusing.contains("not-infusing");
        boolean delivering = !notDelivering && (delivery.contains("delivering") || infusing.contains("infusing"));
        if (event == PumpEvent.DELIVERY_START) {
            return Optional.of(PumpStatus.INFUSING);
        }
        if (event == PumpEvent.DELIVERY_COMPLETE) {
            return Optional.of(PumpStatus.COMPLETE);
        }
        if (event == PumpEvent.DELIVERY_STOP) {
            if (delivery.contains("transitioning")) {
                return Optional.of(infusing.contains("not-infusing") ? PumpStatus.PAUSED : PumpStatus.INFUSING);
            }
            return Optional.of(stoppedFor(reason));
        }
        if (notDelivering) {
            return Optional.of(reason.isEmpty() ? PumpStatus.IDLE : stoppedFor(reason));
        }
        if (delivering) {
            return Optional.of(PumpStatus.INFUSING);
        }
        return Optional.empty();
    }

    private static PumpStatus stoppedFor(String reason) {
        return reason.contains("alarm") ? PumpStatus.STOPPED : PumpStatus.PAUSED;
    }

    private static Optional<PumpStatus> fromPumpStat(String value) {
        if (value.isEmpty() || value.contains("not-")) {
            return Optional.empty();
        }
        if (value.contains("kvo")) {
            return Optional.of(PumpStatus.KVO);
        }
        if (value.contains("complete") || value.contains("done")) {
            return Optional.of(PumpStatus.COMPLETE);
        }
        if (value.contains("pause") || value.contains("hold")) {
            return Optional.of(PumpStatus.PAUSED);
        }
        if (value.contains("stop") || value.contains("alarm")) {
            return Optional.of(PumpStatus.STOPPED);
        }
        if (value.contains("infusing") || value.contains("delivering") || value.contains("running")) {
            return Optional.of(PumpStatus.INFUSING);
        }
        if (value.contains("standby") || value.contains("idle") || value.contains("ready")
                || value.contains("program")) {
            return Optional.of(PumpStatus.IDLE);
        }
        return Optional.empty();
    }
}
