package org.vigil.simulator.load;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.HdrHistogram.Histogram;

/**
 * The write times of the messages that may raise an alarm, by chair and rule, and what they tell of the alarms the
 * stations saw: an alarm's latency runs from the first byte of the latest message of its chair and rule written
 * before the alarm arrived on the stream. For {@code relative-surge} (no delay) that is the cuff reading that raised
 * it; for {@code tachycardia} (10 s delay) the heart-rate message on which the delay had run out.
 */
final class AlarmTriggers {

    private final Map<String, List<Long>> written = new ConcurrentHashMap<>();

    /** A message for {@code rule} at {@code chair} was written at {@code atNanos}; called in time order per chair. */
    void written(String chair, String rule, long atNanos) {
        written.computeIfAbsent(chair + "/" + rule, key -> new ArrayList<>()).add(atNanos);
    }

    /** The alarms the stations saw, measured against the triggers written from {@code fromNanos} to {@code toNanos}. */
    Measured measure(Collection<StationClient> stations, long fromNanos, long toNanos, long graceNanos) {
        Histogram latencies = new Histogram(3);
        Set<String> alarms = new HashSet<>();
        long others = 0;
        long missed = 0;
        for (StationClient station : stations) {
            Map<String, List<Long>> arrivalsByKey = new ConcurrentHashMap<>();
            for (StationClient.Arrival arrival : station.arrivals()) {
                String key = arrival.chair() + "/" + arrival.rule();
                List<Long> triggers = written.get(key);
                long trigger = triggers == null ? -1 : latestBefore(triggers, arrival.atNanos());
                if (trigger < 0) {
                    if (arrival.atNanos() >= fromNanos && arrival.atNanos() < toNanos) {
                        others++;
                    }
                    continue;
                }
                arrivalsByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(arrival.atNanos());
                if (trigger >= fromNanos && trigger < toNanos) {
                    latencies.recordValue(arrival.atNanos() - trigger);
                    alarms.add(arrival.alarmId());
                }
            }
            missed += missedSurges(arrivalsByKey, fromNanos, toNanos - graceNanos);
        }
        return new Measured(latencies, alarms.size(), others, missed);
    }

    /** Surge cuff readings in the window after which the station saw no surge alarm before the next reading. */
    private long missedSurges(Map<String, List<Long>> arrivalsByKey, long fromNanos, long toNanos) {
        long missed = 0;
        for (Map.Entry<String, List<Long>> entry : written.entrySet()) {
            if (!entry.getKey().endsWith("/" + ClinicMessages.SURGE)) {
                continue;
            }
            List<Long> triggers = entry.getValue();
            List<Long> arrivals = arrivalsByKey.getOrDefault(entry.getKey(), List.of());
            for (int i = 0; i < triggers.size(); i++) {
                long at = triggers.get(i);
                long next = i + 1 < triggers.size() ? triggers.get(i + 1) : Long.MAX_VALUE;
                if (at >= fromNanos && at < toNanos && arrivals.stream().noneMatch(t -> t > at && t < next)) {
                    missed++;
                }
            }
        }
        return missed;
    }

    private static long latestBefore(List<Long> sortedTimes, long atNanos) {
        long latest = -1;
        for (long time : sortedTimes) {
            if (time > atNanos) {
                break;
            }
            latest = time;
        }
        return latest;
    }

    /**
     * @param latencies nanoseconds from the trigger's first byte to each station's first sight of the alarm
     * @param alarms    distinct alarms raised by triggers in the window
     * @param others    alarms the stations saw that no trigger explains (other rules, other chairs)
     * @param missed    surge readings after which a station saw no alarm, summed over the stations
     */
    record Measured(Histogram latencies, long alarms, long others, long missed) {
    }
}
