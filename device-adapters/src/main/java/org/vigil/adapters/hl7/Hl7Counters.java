package org.vigil.adapters.hl7;

import org.vigil.adapters.hl7.wire.AckCode;
import org.vigil.core.api.DeviceId;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Running counts of one MLLP listener or one {@link Hl7Link}, for metrics and for the operator who wants to know
 * whether a gateway makes sense (docs/DESIGN.md, principle 7: a bad frame is a counted failure). Counts only grow,
 * except the number of open connections (at most one for a link). The last negative acknowledgement is kept per
 * device for the {@value #MAX_NAK_DEVICES} devices that had one most recently: senders name themselves, and a
 * flood of made-up names must not grow the map. Safe to read from any thread.
 */
public final class Hl7Counters {

    /** How many devices' last message times are kept: the ids come from the wire. */
    public static final int MAX_DEVICES = 4096;

    /** How many devices' last negative acknowledgements are kept; the one that had its last longest ago goes first. */
    public static final int MAX_NAK_DEVICES = 1024;

    private final LongAdder connectionsAccepted = new LongAdder();
    private final AtomicLong connectionsOpen = new AtomicLong();
    private final LongAdder framesReceived = new LongAdder();
    private final LongAdder bytesSkipped = new LongAdder();
    private final LongAdder framesOversized = new LongAdder();
    private final LongAdder framesTruncated = new LongAdder();
    private final LongAdder framesDropped = new LongAdder();
    private final LongAdder decodeFailures = new LongAdder();
    private final LongAdder mappingFailures = new LongAdder();
    private final LongAdder storeFailures = new LongAdder();
    private final LongAdder recorded = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder acksAccepted = new LongAdder();
    private final LongAdder acksError = new LongAdder();
    private final LongAdder acksRejected = new LongAdder();
    private final LongAdder quarantined = new LongAdder();
    /** Bounded: at most {@link #MAX_DEVICES} devices; later newcomers are counted, not remembered. */
    private final Map<DeviceId, Instant> lastMessageTimes = new ConcurrentHashMap<>();
    private final Map<DeviceId, Hl7Nak> lastNaks = new LinkedHashMap<>();

    Hl7Counters() {
    }

    public long connectionsAccepted() {
        return connectionsAccepted.sum();
    }

    public long connectionsOpen() {
        return connectionsOpen.get();
    }

    /** Complete MLLP frames, whatever their content. */
    public long framesReceived() {
        return framesReceived.sum();
    }

    /** Bytes that arrived outside any frame and were skipped. */
    public long bytesSkipped() {
        return bytesSkipped.sum();
    }

    /** Frames longer than the bound, dropped. */
    public long framesOversized() {
        return framesOversized.sum();
    }

    /** Frames cut short by a new start block, dropped. */
    public long framesTruncated() {
        return framesTruncated.sum();
    }

    /** Frames dropped unanswered because too many messages were already waiting; the sender sends them again. */
    public long framesDropped() {
        return framesDropped.sum();
    }

    /** Frames that were not a PCD-01, PCD-04 or PCD-10 message Vigil could parse. */
    public long decodeFailures() {
        return decodeFailures.sum();
    }

    /** Parsed messages with nothing to record (no observation, pump state, event or alarm Vigil could read). */
    public long mappingFailures() {
        return mappingFailures.sum();
    }

    /** Messages the application did not manage to store. */
    public long storeFailures() {
        return storeFailures.sum();
    }

    /** Reports stored for the first time (one per message, two for a PCD-01 message with a monitor and a pump). */
    public long recorded() {
        return recorded.sum();
    }

    /** Reports of resent messages that were already stored. */
    public long duplicates() {
        return duplicates.sum();
    }

    public long acksAccepted() {
        return acksAccepted.sum();
    }

    public long acksError() {
        return acksError.sum();
    }

    /** Messages kept out of the record by the sender fence and stored in quarantine. */
    public long quarantinedMessages() {
        return quarantined.sum();
    }

    public long acksRejected() {
        return acksRejected.sum();
    }

    /** When Vigil last stored (or recognised as stored) a message from the device, by Vigil's clock. */
    public Optional<Instant> lastMessageTime(DeviceId device) {
        return Optional.ofNullable(lastMessageTimes.get(device));
    }

    /** Every device heard from, with the time of its last stored message. */
    public Map<DeviceId, Instant> lastMessageTimes() {
        return Map.copyOf(lastMessageTimes);
    }

    /** The last AE or AR sent for a message of the device, if one was kept. */
    public Optional<Hl7Nak> lastNak(DeviceId device) {
        synchronized (lastNaks) {
            return Optional.ofNullable(lastNaks.get(device));
        }
    }

    /** Every device whose last negative acknowledgement is kept, with it. */
    public Map<DeviceId, Hl7Nak> lastNaks() {
        synchronized (lastNaks) {
            return Map.copyOf(lastNaks);
        }
    }

    void connectionOpened() {
        connectionsAccepted.increment();
        connectionsOpen.incrementAndGet();
    }

    void connectionClosed() {
        connectionsOpen.decrementAndGet();
    }

    void frameReceived() {
        framesReceived.increment();
    }

    void bytesSkipped(long count) {
        bytesSkipped.add(count);
    }

    void frameOversized() {
        framesOversized.increment();
    }

    void frameTruncated() {
        framesTruncated.increment();
    }

    void frameDropped() {
        framesDropped.increment();
    }

    void decodeFailed() {
        decodeFailures.increment();
    }

    void mappingFailed() {
        mappingFailures.increment();
    }

    void storeFailed() {
        storeFailures.increment();
    }

    void stored(DeviceId device, Instant receivedAt, boolean duplicate) {
        (duplicate ? duplicates : recorded).increment();
        if (lastMessageTimes.size() < MAX_DEVICES || lastMessageTimes.containsKey(device)) {
            lastMessageTimes.merge(device, receivedAt, (earlier, later) -> later.isAfter(earlier) ? later : earlier);
        }
    }

    void quarantined() {
        quarantined.increment();
    }

    /** Keeps {@code nak} as the device's last, forgetting the device that had its last longest ago when full. */
    void nakSent(DeviceId device, Hl7Nak nak) {
        synchronized (lastNaks) {
            lastNaks.remove(device);
            lastNaks.put(device, nak);
            if (lastNaks.size() > MAX_NAK_DEVICES) {
                lastNaks.remove(lastNaks.keySet().iterator().next());
            }
        }
    }

    void ackSent(AckCode code) {
        switch (code) {
            case AA -> acksAccepted.increment();
            case AE -> acksError.increment();
            case AR -> acksRejected.increment();
        }
    }
}
