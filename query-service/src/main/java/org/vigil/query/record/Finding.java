package org.vigil.query.record;

/**
 * One event that verification found altered, inserted or deleted.
 *
 * @param kind        {@code ALTERED}, {@code INSERTED} or {@code DELETED}
 * @param aggregate   the event's aggregate (a session, a device…), or null when not known
 * @param sequence    its sequence number in the aggregate, or null when not known
 * @param globalIndex its global index, or null when not known (an event deleted with its hash)
 * @param detail      what is wrong, in words
 */
public record Finding(String kind, String aggregate, Long sequence, Long globalIndex, String detail) {

    static Finding altered(String aggregate, long sequence, long globalIndex, String detail) {
        return new Finding("ALTERED", aggregate, sequence, globalIndex, detail);
    }

    static Finding inserted(String aggregate, long sequence, long globalIndex, String detail) {
        return new Finding("INSERTED", aggregate, sequence, globalIndex, detail);
    }

    static Finding deleted(String aggregate, Long sequence, Long globalIndex, String detail) {
        return new Finding("DELETED", aggregate, sequence, globalIndex, detail);
    }
}
