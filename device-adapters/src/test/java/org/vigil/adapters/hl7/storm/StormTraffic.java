package org.vigil.adapters.hl7.storm;

import org.vigil.adapters.hl7.wire.Mllp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The hostile and careless traffic of a storm on the MLLP listener, each kind from its own loopback addresses
 * (127.0.0.0/8) with {@link #PER_ADDRESS} connections per address: connections that connect and send nothing;
 * slow-loris senders that trickle one byte of a message every few seconds and never finish it; devices that all
 * disconnect and reconnect at once, again and again. Counts what it managed: connections opened, connects that
 * failed, bytes trickled.
 */
final class StormTraffic implements AutoCloseable {

    static final int PER_ADDRESS = 25;

    private final int port;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "storm");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Socket> idle = new ArrayList<>();
    private final List<Socket> slow = new ArrayList<>();
    private final Socket[] reconnecting;
    private final byte[] slowMessage = Mllp.wrap(PcdTemplate.nistGateway());
    private final AtomicLong opened = new AtomicLong();
    private final AtomicLong failedConnects = new AtomicLong();
    private final AtomicLong trickled = new AtomicLong();
    private final AtomicLong reconnectRounds = new AtomicLong();

    StormTraffic(int port, int reconnectingDevices) {
        this.port = port;
        this.reconnecting = new Socket[reconnectingDevices];
    }

    /** Opens {@code idleCount} silent connections from 127.0.1.x. */
    void openIdle(int idleCount) {
        for (int i = 0; i < idleCount; i++) {
            Socket socket = connect("127.0.1." + (1 + i / PER_ADDRESS));
            if (socket != null) {
                synchronized (idle) {
                    idle.add(socket);
                }
            }
        }
    }

    /** Opens {@code count} slow-loris connections from 127.0.2.x, each sending one byte every {@code seconds}. */
    void startSlowLoris(int count, long seconds) {
        for (int i = 0; i < count; i++) {
            Socket socket = connect("127.0.2." + (1 + i / PER_ADDRESS));
            if (socket != null) {
                slow.add(socket);
                int[] next = {0};
                long offsetMillis = i * seconds * 1000 / count;
                scheduler.scheduleAtFixedRate(() -> trickle(socket, next), offsetMillis, seconds * 1000,
                        TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Every {@code periodMillis}, the reconnecting devices (127.0.3.x) all drop their connections and reconnect. */
    void startReconnecting(long periodMillis) {
        scheduler.scheduleAtFixedRate(this::reconnectAll, 0, periodMillis, TimeUnit.MILLISECONDS);
    }

    private void reconnectAll() {
        for (int i = 0; i < reconnecting.length; i++) {
            closeQuietly(reconnecting[i]);
        }
        for (int i = 0; i < reconnecting.length; i++) {
            reconnecting[i] = connect("127.0.3." + (1 + i / PER_ADDRESS));
        }
        reconnectRounds.incrementAndGet();
    }

    private void trickle(Socket socket, int[] next) {
        if (socket.isClosed() || next[0] >= slowMessage.length - 2) {
            return;
        }
        try {
            socket.getOutputStream().write(slowMessage[next[0]++]);
            trickled.incrementAndGet();
        } catch (IOException closedByListener) {
            closeQuietly(socket);
        }
    }

    private Socket connect(String source) {
        Socket socket = new Socket();
        try {
            socket.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            opened.incrementAndGet();
            return socket;
        } catch (IOException e) {
            failedConnects.incrementAndGet();
            closeQuietly(socket);
            return null;
        }
    }

    String summary() {
        return String.format("storm: %d connections opened, %d connects failed, %d slow-loris bytes sent, "
                        + "%d reconnect rounds of %d devices", opened.get(), failedConnects.get(), trickled.get(),
                reconnectRounds.get(), reconnecting.length);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (idle) {
            idle.forEach(StormTraffic::closeQuietly);
        }
        slow.forEach(StormTraffic::closeQuietly);
        for (Socket socket : reconnecting) {
            closeQuietly(socket);
        }
    }

    private static void closeQuietly(Socket socket) {
        if (socket == null) {
            return;
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
