package org.vigil.simulator.intellivue;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/**
 * The one MIB/RS232 port of a simulated monitor, whatever link carries it: the impersonator behind a lock (a TCP
 * client being replaced may still be finishing a read on its own thread), the wall clock it runs on, and the
 * counts.
 */
final class MonitorPort {

    private final IntelliVueImpersonator impersonator;
    private final Clock clock;
    private int openLinks;
    private long linksOpened;
    private long bytesIn;
    private long bytesOut;

    MonitorPort(IntelliVueImpersonator impersonator, Clock clock) {
        this.impersonator = impersonator;
        this.clock = clock;
    }

    synchronized List<byte[]> receive(byte[] bytes, int count) {
        bytesIn += count;
        byte[] chunk = count == bytes.length ? bytes : Arrays.copyOf(bytes, count);
        return impersonator.receive(chunk, clock.instant());
    }

    synchronized List<byte[]> tick() {
        return impersonator.tick(clock.instant());
    }

    /** Writes the monitor's frames to the link. */
    void send(List<byte[]> frames, OutputStream out) throws IOException {
        if (frames.isEmpty()) {
            return;
        }
        for (byte[] frame : frames) {
            out.write(frame);
            synchronized (this) {
                bytesOut += frame.length;
            }
        }
        out.flush();
    }

    synchronized void linkOpened() {
        openLinks++;
        linksOpened++;
    }

    synchronized void linkClosed() {
        openLinks--;
    }

    synchronized IntelliVueMonitorStatistics statistics() {
        return new IntelliVueMonitorStatistics(openLinks > 0, linksOpened, impersonator.associations(),
                impersonator.pollsAnswered(), impersonator.rejected(), bytesIn, bytesOut);
    }
}
