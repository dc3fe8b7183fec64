package org.vigil.adapters.intellivue.wire;

/**
 * What an IntelliVue client has seen so far, for monitoring the link: every bad frame or message and every skipped
 * piece is counted here rather than thrown.
 */
public record IntelliVueCounters(long frames, long frameFailures, long decodeFailures, long associations,
                                 long pollsSent, long pollResults, long published, long skippedAttributes,
                                 long skippedObjects, long unmappedNumerics, long remoteErrors, long unhandledMessages) {
}
