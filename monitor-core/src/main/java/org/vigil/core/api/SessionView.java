package org.vigil.core.api;

import java.util.List;
import java.util.Map;

/** One session as its event stream tells it: who, where, under which protocol, its latest values and alarms. */
public record SessionView(SessionSummary summary, long observationMessages, Map<Vital, VitalReading> latestVitals,
                          List<AlarmView> alarms) {
}
