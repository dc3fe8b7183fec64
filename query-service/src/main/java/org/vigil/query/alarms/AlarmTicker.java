package org.vigil.query.alarms;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.vigil.core.alarm.AlarmEscalations;
import org.vigil.core.alarm.NibpStaleAlarms;
import org.vigil.query.leadership.Leadership;

/**
 * Gives the time-based alarm decisions the clock, every second by default: a stale blood pressure, and the
 * escalation of alarms nobody acknowledged. It holds no deadline itself: every due time is derived from stored
 * events by the decisions, so a restart loses none; one second is the lateness an escalation may have.
 * Only the active node ticks: a standby that takes the lease finds the running sessions and folds their deadlines
 * from the store at its first tick.
 */
@Component
class AlarmTicker {

    private static final Logger log = LoggerFactory.getLogger(AlarmTicker.class);

    private final NibpStaleAlarms nibpStale;
    private final AlarmEscalations escalations;
    private final Leadership leadership;

    AlarmTicker(NibpStaleAlarms nibpStale, AlarmEscalations escalations, Leadership leadership) {
        this.leadership = leadership;
        this.nibpStale = nibpStale;
        this.escalations = escalations;
    }

    @Scheduled(fixedDelayString = "${vigil.alarms.tick-ms:1000}", initialDelayString = "${vigil.alarms.tick-ms:1000}")
    void tick() {
        if (!leadership.isActive()) {
            return;
        }
        try {
            nibpStale.decide();
        } catch (RuntimeException e) {
            log.warn("stale blood pressure not decided this time: {}", e.getMessage(), e);
        }
        try {
            int escalated = escalations.escalateDue();
            if (escalated > 0) {
                log.info("{} alarm(s) escalated", escalated);
            }
        } catch (RuntimeException e) {
            log.warn("escalations not checked this time: {}", e.getMessage(), e);
        }
    }
}
