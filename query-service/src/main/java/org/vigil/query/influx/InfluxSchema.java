package org.vigil.query.influx;

/**
 * The names Vigil writes to InfluxDB. Grafana dashboards and clinics' own queries rely on them, so they are a
 * contract like the REST paths: {@code dashboards/README.md} documents each one, and a change here is a change
 * there.
 */
final class InfluxSchema {

    /** One point per available value of a device message: field {@link #VALUE}. */
    static final String OBSERVATION = "observation";
    /** One point per device message: how many values it carried and how its timing looked. */
    static final String DEVICE_MESSAGE = "device_message";
    /** One point per alarm state change (raised, acknowledged, condition ended, cleared). */
    static final String ALARM = "alarm";
    /** One point when a session starts (baseline and thresholds) and one when it ends. */
    static final String SESSION = "session";
    /** One point per pump report: rate, volume infused, dose rate, status. */
    static final String PUMP = "pump";

    static final String TAG_CHAIR = "chair";
    static final String TAG_SESSION = "session";
    static final String TAG_DEVICE = "device";
    static final String TAG_CODE = "code";
    static final String TAG_VITAL = "vital";
    static final String TAG_ALARM = "alarm";
    static final String TAG_RULE = "rule";
    static final String TAG_PRIORITY = "priority";
    static final String TAG_KIND = "kind";
    static final String TAG_STATE = "state";
    static final String TAG_EVENT = "event";
    static final String TAG_INSTANCE = "instance";

    static final String VALUE = "value";

    private InfluxSchema() {
    }
}
