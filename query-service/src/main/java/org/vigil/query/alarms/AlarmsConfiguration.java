package org.vigil.query.alarms;

import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vigil.core.alarm.AlarmEscalations;
import org.vigil.core.alarm.NibpStaleAlarms;
import org.vigil.core.protocol.ClinicProtocol;
import org.vigil.core.session.ChairOccupancy;

/**
 * The alarm decisions that come with time rather than with a message: escalation of unacknowledged alarms and the
 * stale blood pressure. Both are in the subscribing processor {@code alarm-decisions} (application.yml): live only,
 * never replayed; {@link AlarmTicker} gives them the clock.
 */
@Configuration
class AlarmsConfiguration {

    @Bean
    AlarmEscalations alarmEscalations(CommandGateway commands, EventStore eventStore, ChairOccupancy occupancy,
                                      ClinicProtocol protocol, Clock clock) {
        return new AlarmEscalations(commands, eventStore, occupancy, protocol, clock);
    }

    @Bean
    NibpStaleAlarms nibpStaleAlarms(CommandGateway commands, EventStore eventStore, ChairOccupancy occupancy,
                                    ClinicProtocol protocol, Clock clock) {
        return new NibpStaleAlarms(commands, eventStore, occupancy, protocol, clock);
    }
}
