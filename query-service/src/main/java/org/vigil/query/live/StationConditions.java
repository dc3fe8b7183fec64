package org.vigil.query.live;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The station conditions in force ({@link StationCondition}): each is pushed on the live stream when it begins
 * and when it ends, and sent to every screen that connects while it lasts. Live only: a restart forgets them, and
 * whatever raised one raises it again if it still holds.
 */
@Component
public class StationConditions {

    private final Map<String, StationCondition> active = new ConcurrentHashMap<>();
    private final LiveStream stream;

    StationConditions(LiveStream stream) {
        this.stream = stream;
    }

    /** Shows the condition unless it is shown already; {@code true} when it began now. */
    public boolean raise(StationCondition condition) {
        boolean began = active.putIfAbsent(condition.id(), condition) == null;
        if (began) {
            stream.conditionChanged(condition);
        }
        return began;
    }

    /** Ends the condition if it is shown; {@code true} when it ended now. */
    public boolean clear(String id) {
        StationCondition ended = active.remove(id);
        if (ended != null) {
            stream.conditionChanged(ended.ended());
        }
        return ended != null;
    }

    public boolean isActive(String id) {
        return active.containsKey(id);
    }

    public List<StationCondition> active() {
        return active.values().stream().sorted(Comparator.comparing(StationCondition::since)).toList();
    }
}
