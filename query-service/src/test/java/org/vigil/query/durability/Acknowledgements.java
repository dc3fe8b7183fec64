package org.vigil.query.durability;

import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.vigil.simulator.hl7.AckCode;
import org.vigil.simulator.load.LoadListener;
import org.vigil.simulator.load.RoundTrip;

/**
 * What the devices of a load run were told, message by message: its answer (AA, AE, AR or none), when it was
 * written and when the answer was read ({@link System#nanoTime()}). So a test can name the acknowledged messages
 * that must be in the store, and those acknowledged while the store was down.
 */
final class Acknowledgements implements LoadListener {

    /** One message: {@link #key(String, String)}, its ACK code (empty: none came) and its round trip's times. */
    record Answer(String key, Optional<AckCode> ack, long writtenAtNanos, long answeredAtNanos) {

        boolean accepted() {
            return ack.equals(Optional.of(AckCode.ACCEPT));
        }

        boolean writtenFrom(long nanos) {
            return writtenAtNanos - nanos >= 0;
        }

        boolean writtenBefore(long nanos) {
            return writtenAtNanos - nanos < 0;
        }

        boolean answeredBefore(long nanos) {
            return answeredAtNanos - nanos < 0;
        }
    }

    private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final AtomicLong accepted = new AtomicLong();
    private final CompletableFuture<Long> killPoint = new CompletableFuture<>();
    private volatile long killAfterAccepted = Long.MAX_VALUE;
    private volatile long killNotBeforeNanos;

    /** Key of a message here and in the store: the device it was sent as and its control id. */
    static String key(String device, String controlId) {
        return device + "/" + controlId;
    }

    @Override
    public void answered(String device, String controlId, RoundTrip trip) {
        Answer answer = new Answer(key(device, controlId), trip.ack(), trip.writtenAtNanos(), trip.answeredAtNanos());
        answers.add(answer);
        if (answer.accepted()) {
            long now = System.nanoTime();
            if (accepted.incrementAndGet() >= killAfterAccepted && now - killNotBeforeNanos >= 0) {
                killPoint.complete(now);
            }
        }
    }

    /**
     * The kill point: {@link #killPoint()} completes at the first AA read at or after {@code notBeforeNanos}
     * ({@link System#nanoTime()}) once at least {@code fewestAccepted} messages got AA.
     */
    void killAt(long fewestAccepted, long notBeforeNanos) {
        killNotBeforeNanos = notBeforeNanos;
        killAfterAccepted = fewestAccepted;
    }

    /** Completes with {@link System#nanoTime()} of the AA that reached the kill point. */
    CompletableFuture<Long> killPoint() {
        return killPoint;
    }

    /** The keys of every message that got AA. */
    Set<String> acceptedKeys() {
        return answers.stream().filter(Answer::accepted).map(Answer::key).collect(Collectors.toUnmodifiableSet());
    }

    long acceptedCount() {
        return accepted.get();
    }

    /** The answers that match, e.g. those to messages written while the store was down. */
    Set<Answer> answers(Predicate<Answer> which) {
        return answers.stream().filter(which).collect(Collectors.toUnmodifiableSet());
    }

    /** AA, AE, AR and unanswered counts over every message. */
    String summary() {
        return summary(answer -> true);
    }

    /** AA, AE, AR and unanswered counts over the messages that match. */
    String summary(Predicate<Answer> which) {
        Set<Answer> matching = answers(which);
        return String.format("AA %d, AE %d, AR %d, no answer %d", count(matching, AckCode.ACCEPT),
                count(matching, AckCode.ERROR), count(matching, AckCode.REJECT),
                matching.stream().filter(a -> a.ack().isEmpty()).count());
    }

    private static long count(Set<Answer> answers, AckCode code) {
        return answers.stream().filter(a -> a.ack().equals(Optional.of(code))).count();
    }
}
