package org.vigil.simulator.pump;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pump's RS-232 port as a path (a pseudo-terminal made by socat, or a real port whose line settings were set
 * outside), opened as a plain file: no serial library, as befits a device. It polls for input (FIONREAD through
 * {@link FileInputStream#available()}), so it never blocks in a read it could not leave, and it reopens the path
 * when it vanishes or comes back pointing elsewhere, as a pump's cable that is pulled and plugged back in. The
 * path is never created: output goes through a channel opened without {@code CREATE}.
 */
final class PtyEndpoint implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(PtyEndpoint.class);
    private static final long POLL_MILLIS = 5;
    private static final long RETRY_MILLIS = 100;
    private static final long CHECK_PATH_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final Path path;
    private final ByteLink pump;
    private final CountDownLatch stop;
    private volatile long opens;

    PtyEndpoint(Path path, ByteLink pump, CountDownLatch stop) {
        this.path = path;
        this.pump = pump;
        this.stop = stop;
    }

    long opens() {
        return opens;
    }

    @Override
    public void run() {
        try {
            while (stop.getCount() > 0) {
                if (Files.exists(path)) {
                    serveOnce();
                }
                if (stop.await(RETRY_MILLIS, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void serveOnce() throws InterruptedException {
        try (FileInputStream in = new FileInputStream(path.toFile());
             FileChannel out = FileChannel.open(path, StandardOpenOption.WRITE)) {
            Path device = path.toRealPath();
            opens++;
            LOG.info("pump serial port {} open ({})", path, device);
            CommandFramer framer = new CommandFramer();
            byte[] buffer = new byte[512];
            long nextCheck = System.nanoTime() + CHECK_PATH_NANOS;
            while (stop.getCount() > 0) {
                int available = in.available();
                if (available > 0) {
                    int count = in.read(buffer, 0, Math.min(available, buffer.length));
                    if (count < 0) {
                        return;
                    }
                    for (byte[] reply : pump.receive(framer, buffer, count)) {
                        ByteBuffer bytes = ByteBuffer.wrap(reply);
                        while (bytes.hasRemaining()) {
                            out.write(bytes);
                        }
                    }
                } else if (stop.await(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    return;
                }
                if (System.nanoTime() - nextCheck > 0) {
                    nextCheck = System.nanoTime() + CHECK_PATH_NANOS;
                    if (!Files.exists(path) || !path.toRealPath().equals(device)) {
                        LOG.info("pump serial port {} went away; reopening when it is back", path);
                        return;
                    }
                }
            }
        } catch (IOException e) {
            LOG.debug("pump serial port {}: {}", path, e.toString());
        }
    }
}
