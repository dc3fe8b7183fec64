package org.vigil.simulator.load;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * One clinic load run against a Vigil: {@code chairs} chairs, each with a monitor and an infusion pump whose
 * PCD-01 messages reach the MLLP listener at {@code mllpHost:mllpPort} through {@code gateways} connections (as
 * through an HL7 gateway, each device named in OBX-18), {@code abnormalPercent} % of the chairs (at least one) in an
 * abnormal scenario, and {@code stations} nurses' screens on {@code http}'s {@code /api/stream}. The load runs for
 * {@code warmUp}, then is measured for {@code duration}. With {@code setUpSessions}, a session is booked and checked
 * in at every chair through the HTTP API first, as {@code user}.
 */
public record ClinicSettings(String mllpHost, int mllpPort, URI http, String user, String password, int chairs,
                             int gateways, int stations, double abnormalPercent, Duration warmUp, Duration duration,
                             Duration ackTimeout, boolean setUpSessions) {

    /** Chairs per gateway connection when the count is not given. */
    private static final int CHAIRS_PER_GATEWAY = 4;
    private static final int MOST_GATEWAYS = 512;

    public ClinicSettings {
        Objects.requireNonNull(mllpHost, "mllpHost");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (mllpPort < 1 || mllpPort > 65535) {
            throw new IllegalArgumentException("port must be 1..65535: " + mllpPort);
        }
        if (chairs < 1 || gateways < 1 || stations < 0) {
            throw new IllegalArgumentException("chairs and gateways must be at least 1, stations not negative");
        }
        if (!(abnormalPercent >= 0 && abnormalPercent <= 100)) {
            throw new IllegalArgumentException("abnormalPercent must be 0..100: " + abnormalPercent);
        }
        if (warmUp.isNegative() || duration.isNegative() || duration.isZero() || ackTimeout.isNegative()
                || ackTimeout.isZero()) {
            throw new IllegalArgumentException("duration and ack timeout must be positive, warm-up not negative");
        }
    }

    /**
     * {@code chairs} chairs on the given listener and HTTP address as the demo nurse, one gateway connection for
     * every 4 chairs (at most 512), two stations, 2 % abnormal, 10 s of warm-up, 60 s measured, sessions set up.
     */
    public static ClinicSettings of(String mllpHost, int mllpPort, URI http, int chairs) {
        int gateways = Math.max(1, Math.min(MOST_GATEWAYS, (chairs + CHAIRS_PER_GATEWAY - 1) / CHAIRS_PER_GATEWAY));
        return new ClinicSettings(mllpHost, mllpPort, http, "nurse", "demo", chairs, gateways, 2, 2.0,
                Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(10), true);
    }

    public ClinicSettings withTiming(Duration newWarmUp, Duration newDuration) {
        return new ClinicSettings(mllpHost, mllpPort, http, user, password, chairs, gateways, stations,
                abnormalPercent, newWarmUp, newDuration, ackTimeout, setUpSessions);
    }

    public ClinicSettings withGateways(int count) {
        return new ClinicSettings(mllpHost, mllpPort, http, user, password, chairs, count, stations, abnormalPercent,
                warmUp, duration, ackTimeout, setUpSessions);
    }

    public ClinicSettings withStations(int count) {
        return new ClinicSettings(mllpHost, mllpPort, http, user, password, chairs, gateways, count, abnormalPercent,
                warmUp, duration, ackTimeout, setUpSessions);
    }

    public ClinicSettings withAbnormalPercent(double percent) {
        return new ClinicSettings(mllpHost, mllpPort, http, user, password, chairs, gateways, stations, percent,
                warmUp, duration, ackTimeout, setUpSessions);
    }

    public ClinicSettings withCredentials(String newUser, String newPassword) {
        return new ClinicSettings(mllpHost, mllpPort, http, newUser, newPassword, chairs, gateways, stations,
                abnormalPercent, warmUp, duration, ackTimeout, setUpSessions);
    }

    public ClinicSettings withSessionSetUp(boolean setUp) {
        return new ClinicSettings(mllpHost, mllpPort, http, user, password, chairs, gateways, stations,
                abnormalPercent, warmUp, duration, ackTimeout, setUp);
    }

    public ClinicSettings withAckTimeout(Duration timeout) {
        return new ClinicSettings(mllpHost, mllpPort, http, user, password, chairs, gateways, stations,
                abnormalPercent, warmUp, duration, timeout, setUpSessions);
    }
}
