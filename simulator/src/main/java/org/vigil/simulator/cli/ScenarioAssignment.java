package org.vigil.simulator.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vigil.simulator.MonitorSpec;
import org.vigil.simulator.scenario.Scenario;
import org.vigil.simulator.scenario.Scenarios;

/**
 * Which scenario each chair plays, from {@code --scenario} values: a bare name applies to every chair not
 * named otherwise; {@code chair-N=NAME} picks one chair's scenario.
 */
final class ScenarioAssignment {

    private final Scenario fallback;
    private final Map<Integer, Scenario> byChair;

    private ScenarioAssignment(Scenario fallback, Map<Integer, Scenario> byChair) {
        this.fallback = fallback;
        this.byChair = byChair;
    }

    static ScenarioAssignment parse(List<String> values, int chairs) {
        Scenario fallback = Scenarios.NORMAL;
        Map<Integer, Scenario> byChair = new HashMap<>();
        for (String raw : values) {
            String value = raw.trim();
            int equals = value.indexOf('=');
            if (equals < 0) {
                fallback = Scenarios.named(value);
                continue;
            }
            int chair = chairNumber(value.substring(0, equals).trim(), chairs);
            byChair.put(chair, Scenarios.named(value.substring(equals + 1).trim()));
        }
        return new ScenarioAssignment(fallback, byChair);
    }

    Scenario forChair(int chair) {
        return byChair.getOrDefault(chair, fallback);
    }

    private static int chairNumber(String chairName, int chairs) {
        for (int n = 1; n <= chairs; n++) {
            if (MonitorSpec.defaultChairName(n).equals(chairName)) {
                return n;
            }
        }
        throw new IllegalArgumentException("no chair '" + chairName + "' among " + MonitorSpec.defaultChairName(1)
                + " … " + MonitorSpec.defaultChairName(chairs));
    }
}
