package org.vigil.adapters.hl7;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A monitor that emits HL7 on its RS-232 port: it holds one end of a socat pseudo-terminal pair open as a plain
 * file, writes MLLP frames to it and reads the acknowledgements back. When the pseudo-terminal vanishes (socat
 * killed, a cable pulled) it opens the path again as soon as it is back. It reads only what
 * {@link InputStream#available()} reports, so {@link #close()} is never stuck behind a blocking read.
 */
final class PtyHl7Device implements AutoCloseable {

    private final Path path;
    private final DeviceAcks acks = new DeviceAcks();
    private final CountDownLatch stop = new CountDownLatch(1);
    private final AtomicInteger opens = new AtomicInteger();
    private final Thread thread;
    private volatile OutputStream out;

    private PtyHl7Device(Path path) {
        this.path = path;
        this.thread = new Thread(this::run, "hl7-device-on-" + path.getFileName());
        thread.setDaemon(true);
    }

    static PtyHl7Device on(Path path) {
        PtyHl7Device device = new PtyHl7Device(path);
        device.thread.start();
        return device;
    }

    boolean isOpen() {
        return out != null;
    }

    /** How many times the device opened its port. */
    int opens() {
        return opens.get();
    }

    synchronized void send(byte[] bytes) {
        OutputStream current = out;
        if (current == null) {
            throw new IllegalStateException(path + " is not open");
        }
        try {
            current.write(bytes);
            current.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    DeviceAcks acks() {
        return acks;
    }

    @Override
    public void close() {
        stop.countDown();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            while (stop.getCount() > 0) {
                try (InputStream in = new FileInputStream(path.toFile());
                     OutputStream opened = Files.newOutputStream(path, StandardOpenOption.WRITE)) {
                    acks.restart();
                    out = opened;
                    opens.incrementAndGet();
                    read(in);
                } catch (IOException goneOrNotYetThere) {
                    // the pseudo-terminal went away or is not back yet: try again shortly
                } finally {
                    out = null;
                }
                stop.await(20, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void read(InputStream in) throws IOException, InterruptedException {
        byte[] buffer = new byte[4096];
        while (stop.getCount() > 0) {
            int available = in.available();
            if (available > 0) {
                int count = in.read(buffer, 0, Math.min(available, buffer.length));
                if (count < 0) {
                    return;
                }
                acks.feed(buffer, count);
            } else if (stop.await(5, TimeUnit.MILLISECONDS)) {
                return;
            }
        }
    }
}
