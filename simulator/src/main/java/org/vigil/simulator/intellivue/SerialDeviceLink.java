package org.vigil.simulator.intellivue;

import java.io.EOFException;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a {@link MonitorPort} on a serial device opened by path as a plain file, so the simulator needs no serial
 * library. A read on a terminal can block past a stop, so the loop only reads what {@link InputStream#available()}
 * reports and otherwise waits a few milliseconds on the stop latch. When the device goes away (the far end of a
 * pseudo-terminal closes: reads and the byte count fail with EIO) the loop closes it and opens the path again with
 * a doubling delay, 100 ms up to 2 s. The output is opened without create, so a path that vanished between the two
 * opens is not replaced by a regular file.
 */
final class SerialDeviceLink implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(SerialDeviceLink.class);
    private static final long IDLE_WAIT_MILLIS = 5;
    private static final Duration FIRST_RETRY = Duration.ofMillis(100);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(2);
    private static final int BUFFER_BYTES = 4096;

    private final String name;
    private final Path path;
    private final MonitorPort port;
    private final CountDownLatch stop;

    SerialDeviceLink(String name, Path path, MonitorPort port, CountDownLatch stop) {
        this.name = name;
        this.path = path;
        this.port = port;
        this.stop = stop;
    }

    @Override
    public void run() {
        Duration retry = FIRST_RETRY;
        boolean waitingReported = false;
        try {
            while (stop.getCount() > 0) {
                try (InputStream in = new FileInputStream(path.toFile());
                     OutputStream out = Files.newOutputStream(path, StandardOpenOption.WRITE)) {
                    LOG.info("{}: serving IntelliVue on {}", name, path);
                    waitingReported = false;
                    retry = FIRST_RETRY;
                    port.linkOpened();
                    try {
                        serve(in, out);
                    } finally {
                        port.linkClosed();
                    }
                } catch (FileNotFoundException | NoSuchFileException missing) {
                    if (!waitingReported) {
                        LOG.info("{}: waiting for {} to appear", name, path);
                        waitingReported = true;
                    }
                } catch (IOException lost) {
                    LOG.info("{}: lost {}: the far end went away ({})", name, path, lost.getMessage());
                }
                if (stop.await(retry.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
                retry = retry.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : retry.multipliedBy(2);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException unexpected) {
            LOG.error("{}: serial link stopped by an unexpected error", name, unexpected);
        }
    }

    private void serve(InputStream in, OutputStream out) throws IOException, InterruptedException {
        byte[] buffer = new byte[BUFFER_BYTES];
        while (stop.getCount() > 0) {
            int available = in.available();
            if (available > 0) {
                int count = in.read(buffer, 0, Math.min(available, buffer.length));
                if (count < 0) {
                    throw new EOFException("device closed");
                }
                port.send(port.receive(buffer, count), out);
            }
            port.send(port.tick(), out);
            if (available <= 0 && stop.await(IDLE_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                return;
            }
        }
    }
}
