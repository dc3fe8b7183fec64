package org.vigil.simulator.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One load run: {@code connections} MLLP connections to {@code host:port}, each sending as its own device
 * ({@code devicePrefix} and the connection's number, {@code load-monitor-01}, …), for {@code duration} or until
 * {@code messageLimit} messages have been sent over all connections, whichever comes first ({@code 0}: no
 * limit). A message not acknowledged within {@code ackTimeout} counts as a timeout.
 * <p>
 * {@code standbys} ({@code host:port}) are the other nodes of a failover pair for a clinic with no virtual
 * address in front: a connection that cannot be opened is tried on the next address in turn, as a gateway
 * configured with both nodes does.
 */
public record LoadSettings(String host, int port, int connections, Duration duration, long messageLimit,
        Duration ackTimeout, String devicePrefix, List<String> standbys) {

    public static final String DEFAULT_DEVICE_PREFIX = "load-monitor-";

    public LoadSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(devicePrefix, "devicePrefix");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535: " + port);
        }
        if (connections < 1) {
            throw new IllegalArgumentException("connections must be at least 1: " + connections);
        }
        if (messageLimit < 0) {
            throw new IllegalArgumentException("messageLimit must not be negative: " + messageLimit);
        }
        requirePositive(duration, "duration");
        requirePositive(ackTimeout, "ackTimeout");
        standbys = List.copyOf(Objects.requireNonNull(standbys, "standbys"));
        standbys.forEach(LoadSettings::requireAddress);
    }

    /** One receiver, no standby. */
    public LoadSettings(String host, int port, int connections, Duration duration, long messageLimit,
                        Duration ackTimeout, String devicePrefix) {
        this(host, port, connections, duration, messageLimit, ackTimeout, devicePrefix, List.of());
    }

    /** One connection for 10 s, no message limit, ACKs awaited 10 s. */
    public static LoadSettings of(String host, int port) {
        return new LoadSettings(host, port, 1, Duration.ofSeconds(10), 0, Duration.ofSeconds(10),
                DEFAULT_DEVICE_PREFIX);
    }

    public LoadSettings withConnections(int count) {
        return new LoadSettings(host, port, count, duration, messageLimit, ackTimeout, devicePrefix, standbys);
    }

    public LoadSettings withDuration(Duration value) {
        return new LoadSettings(host, port, connections, value, messageLimit, ackTimeout, devicePrefix, standbys);
    }

    public LoadSettings withMessageLimit(long limit) {
        return new LoadSettings(host, port, connections, duration, limit, ackTimeout, devicePrefix, standbys);
    }

    public LoadSettings withAckTimeout(Duration timeout) {
        return new LoadSettings(host, port, connections, duration, messageLimit, timeout, devicePrefix, standbys);
    }

    public LoadSettings withDevicePrefix(String prefix) {
        return new LoadSettings(host, port, connections, duration, messageLimit, ackTimeout, prefix, standbys);
    }

    /** With one more receiver ({@code host:port}) to try when a connection to the current one cannot be opened. */
    public LoadSettings withStandby(String address) {
        List<String> all = new ArrayList<>(standbys);
        all.add(address);
        return new LoadSettings(host, port, connections, duration, messageLimit, ackTimeout, devicePrefix, all);
    }

    /** Every receiver, {@code host:port}, the first one first. */
    public List<String> addresses() {
        List<String> all = new ArrayList<>();
        all.add(host + ":" + port);
        all.addAll(standbys);
        return all;
    }

    /** The device connection {@code n} (from 1) sends as: the prefix and two digits, {@code load-monitor-01}. */
    public String deviceName(int n) {
        return devicePrefix + String.format(Locale.ROOT, "%02d", n);
    }

    private static void requireAddress(String address) {
        int colon = address.lastIndexOf(':');
        if (colon <= 0 || colon == address.length() - 1) {
            throw new IllegalArgumentException("expected HOST:PORT: " + address);
        }
        int port = Integer.parseInt(address.substring(colon + 1));
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535: " + address);
        }
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
