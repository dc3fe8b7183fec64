package org.vigil.core.protocol;

import java.time.Duration;

/**
 * How long a value must stay out of range before its alarm sounds. A 14 s delay removed half of the ignored ICU
 * alarms (Görges 2009); NIBP is episodic and has none (docs/DOMAIN.md, "Alarm behaviour").
 */
public record AlarmDelays(Duration spo2, Duration heartRate, Duration nibp, Duration desaturationHigh) {
}
