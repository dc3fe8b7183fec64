package org.vigil.query.links;

import io.vertx.core.Vertx;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.vigil.adapters.intellivue.IntelliVueCodec;
import org.vigil.adapters.intellivue.wire.IntelliVueClientSettings;
import org.vigil.adapters.masimo.MasimoCodec;
import org.vigil.adapters.masimo.MasimoCodecSettings;
import org.vigil.adapters.pump.PumpCodec;
import org.vigil.adapters.pump.PumpCodecSettings;
import org.vigil.adapters.transport.ByteTransport;
import org.vigil.adapters.transport.CodecStream;
import org.vigil.adapters.transport.ReconnectPolicy;
import org.vigil.adapters.transport.SerialSettings;
import org.vigil.adapters.transport.SerialTransport;
import org.vigil.adapters.transport.TcpClientTransport;
import org.vigil.adapters.transport.AddressAllowList;
import org.vigil.adapters.transport.TcpListenerTransport;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceReport;
import org.vigil.query.settings.VigilProperties.DeviceEntry;
import org.vigil.query.settings.VigilProperties.SerialLine;
import org.vigil.query.settings.VigilProperties.TcpEndpoint;

/** Builds a device's transport and codec from its configuration entry, with a readable error for a bad entry. */
@Component
class DeviceLinkFactory {

    private final Vertx vertx;

    DeviceLinkFactory(Vertx vertx) {
        this.vertx = vertx;
    }

    ByteTransport transport(DeviceEntry entry) {
        return switch (entry.transport()) {
            case "serial" -> new SerialTransport(serialSettings(entry), ReconnectPolicy.defaults());
            case "tcp-client" -> {
                TcpEndpoint tcp = tcp(entry);
                yield new TcpClientTransport(vertx, tcp.host(), tcp.port(), ReconnectPolicy.defaults());
            }
            case "tcp-listener" -> {
                TcpEndpoint tcp = tcp(entry);
                yield new TcpListenerTransport(vertx, tcp.host(), tcp.port(), ReconnectPolicy.defaults(),
                        allowed(entry));
            }
            default -> throw invalid(entry, "transport", "must be listener, serial, tcp-client or tcp-listener, got \""
                    + entry.transport() + "\"");
        };
    }

    private static AddressAllowList allowed(DeviceEntry entry) {
        try {
            return AddressAllowList.of(entry.allowedAddresses());
        } catch (IllegalArgumentException e) {
            throw invalid(entry, "allowed-addresses", e.getMessage());
        }
    }

    CodecStream<? extends DeviceReport> codec(DeviceEntry entry) {
        return switch (entry.protocol()) {
            case "intellivue" -> new IntelliVueCodec(IntelliVueClientSettings.defaults(new DeviceId(entry.id()),
                    zone(entry)));
            case "pump-ascii" -> new PumpCodec(pumpSettings(entry));
            case "masimo" -> new MasimoCodec(new MasimoCodecSettings(new DeviceId(entry.id()), zone(entry)));
            default -> throw invalid(entry, "protocol", "\"" + entry.protocol() + "\" cannot run on transport "
                    + entry.transport() + " (serial and TCP devices speak hl7-mllp, intellivue, pump-ascii or "
                    + "masimo)");
        };
    }

    private static PumpCodecSettings pumpSettings(DeviceEntry entry) {
        PumpCodecSettings settings = PumpCodecSettings.defaults(new DeviceId(entry.id())).withDeviceZone(zone(entry));
        return entry.pollInterval() == null ? settings : settings.withPollInterval(entry.pollInterval());
    }

    private static ZoneId zone(DeviceEntry entry) {
        try {
            return ZoneId.of(entry.zone());
        } catch (DateTimeException e) {
            throw invalid(entry, "zone", "unknown time zone \"" + entry.zone() + "\"");
        }
    }

    private SerialSettings serialSettings(DeviceEntry entry) {
        SerialLine line = entry.serial();
        if (line == null || line.path() == null || line.path().isBlank()) {
            throw invalid(entry, "serial.path", "a serial device needs the path of its port");
        }
        SerialSettings defaults = switch (entry.protocol()) {
            case "intellivue" -> SerialSettings.intelliVue(line.path());
            case "pump-ascii" -> SerialSettings.pump(line.path());
            case "masimo" -> SerialSettings.pulseOximeter(line.path());
            default -> SerialSettings.eightNoneOne(line.path(), 9600);
        };
        return new SerialSettings(line.path(), line.baud() != null ? line.baud() : defaults.baud(), line.dataBits(),
                parse(entry, "serial.parity", SerialSettings.Parity.class, line.parity()),
                stopBits(entry, line.stopBits()),
                parse(entry, "serial.flow-control", SerialSettings.FlowControl.class,
                        line.flowControl().replace('-', '_')));
    }

    private static SerialSettings.StopBits stopBits(DeviceEntry entry, String text) {
        return switch (text) {
            case "1" -> SerialSettings.StopBits.ONE;
            case "1.5" -> SerialSettings.StopBits.ONE_POINT_FIVE;
            case "2" -> SerialSettings.StopBits.TWO;
            default -> throw invalid(entry, "serial.stop-bits", "must be 1, 1.5 or 2, got \"" + text + "\"");
        };
    }

    private static <E extends Enum<E>> E parse(DeviceEntry entry, String key, Class<E> type, String text) {
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid(entry, key, "unknown value \"" + text + "\"");
        }
    }

    private static TcpEndpoint tcp(DeviceEntry entry) {
        if (entry.tcp() == null || entry.tcp().port() <= 0) {
            throw invalid(entry, "tcp.port", "a TCP device needs a port");
        }
        return entry.tcp();
    }

    private static IllegalArgumentException invalid(DeviceEntry entry, String key, String problem) {
        return new IllegalArgumentException("vigil.devices[id=" + entry.id() + "]." + key + ": " + problem);
    }
}
