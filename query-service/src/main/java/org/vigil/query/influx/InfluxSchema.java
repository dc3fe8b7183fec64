package org.vigil.query.influx;

/**
 * The names Vigil writes to InfluxDB. Grafana dashboards and clinics' own queries rely on them, so they are a
 * contract like the REST paths: {@code dashboards/README.md} documents each one, and a change here is a change
 * there.
 */
public final class InfluxSchema {

    /** One point per available value of a device message: field {@link #VALUE}. */
    public static final String OBSERVATION = "observation";
    /** One point per device message: how many values it carried and how its timing looked. */
    public static final String DEVICE_MESSAGE = "device_message";
    /** One point per alarm state change (raised, acknowledged, condition ended, cleared). */
    public static final String ALARM = "alarm";
    /** One point when a session starts (baseline and thresholds) and one when it ends. */
    public static final String SESSION = "session";
    /** One point per pump report: rate, volume infused, dose rate, status. */
    public static final String PUMP = "pump";

    public static final String TAG_CHAIR = "chair";
    public static final String TAG_SESSION = "session";
    public static final String TAG_DEVICE = "device";
    public static final String TAG_CODE = "code";
    public static final String TAG_VITAL = "vital";
    public static final String TAG_ALARM = "alarm";
    public static final String TAG_RULE = "rule";
    public static final String TAG_PRIORITY = "priority";
    public static final String TAG_KIND = "kind";
    public static final String TAG_STATE = "state";
    public static final String TAG_EVENT = "event";
    public static final String TAG_INSTANCE = "instance";

    public static final String VALUE = "value";

    private InfluxSchema() {
    }
}
