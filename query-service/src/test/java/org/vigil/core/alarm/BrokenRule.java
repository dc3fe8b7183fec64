package org.vigil.core.alarm;

import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.vigil.core.api.Vital;
import org.vigil.core.protocol.ClinicProtocol;

/**
 * The clinic's vital-sign alarms with one more rule, which throws on a systolic pressure above 200 mmHg: for an
 * application test of what a failing rule does. Here because the rule set is {@link VitalSignAlarms}'s package-private
 * constructor parameter.
 */
public final class BrokenRule {

    public static final double THROWS_ABOVE_SYSTOLIC = 200;

    private BrokenRule() {
    }

    public static VitalSignAlarms vitalSignAlarms(CommandGateway commands, EventStore eventStore,
                                                  ClinicProtocol protocol, Clock clock) {
        AlarmRule broken = new AlarmRule("broken", (readings, patient, thresholds) -> {
            if (readings.get(Vital.NIBP_SYSTOLIC).filter(sbp -> sbp > THROWS_ABOVE_SYSTOLIC).isPresent()) {
                throw new IllegalStateException("the broken rule cannot decide on this pressure");
            }
            return RuleDecision.NOT_APPLICABLE;
        });
        List<AlarmRule> rules = Stream.of(AlarmRules.ALL.stream(), TechnicalAlarmRules.ALL.stream(),
                Stream.of(broken)).flatMap(s -> s).toList();
        return new VitalSignAlarms(commands, eventStore, protocol, clock, rules);
    }
}
