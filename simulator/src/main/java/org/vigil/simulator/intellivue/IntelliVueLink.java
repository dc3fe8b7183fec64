package org.vigil.simulator.intellivue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Objects;

/** Where a simulated IntelliVue monitor's MIB/RS232 port is reachable. */
public sealed interface IntelliVueLink {

    /** For logs: {@code serial /tmp/chair-1}, {@code tcp-listen 127.0.0.1:4001}. */
    String description();

    /**
     * A serial device opened by path, typically one end of a socat pseudo-terminal pair made with
     * {@code pty,raw,echo=0,link=PATH}: the line must already be raw, since the simulator reads and writes it as a
     * plain file and sets no line discipline. The path may vanish and reappear (a cable pulled, socat restarted):
     * the monitor keeps trying to open it.
     */
    record SerialDevice(Path path) implements IntelliVueLink {
        public SerialDevice {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String description() {
            return "serial " + path;
        }
    }

    /**
     * A TCP port the monitor's serial line is served on, as a serial-to-Ethernet terminal server presents it:
     * one client at a time, and a new client takes the line over from the previous one. Port 0 picks a free port.
     */
    record TcpListener(InetSocketAddress address) implements IntelliVueLink {
        public TcpListener {
            Objects.requireNonNull(address, "address");
        }

        @Override
        public String description() {
            return "tcp-listen " + address.getHostString() + ":" + address.getPort();
        }
    }

    static IntelliVueLink serial(Path path) {
        return new SerialDevice(path);
    }

    static IntelliVueLink tcpListener(InetSocketAddress address) {
        return new TcpListener(address);
    }

    /** A listener on the loopback interface only. */
    static IntelliVueLink tcpLoopback(int port) {
        return new TcpListener(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }
}
