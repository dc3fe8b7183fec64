package org.vigil.adapters.pump;

/**
 * What one {@link PumpCodec} has seen, for the operator's device page.
 *
 * @param pollsSent        status polls sent
 * @param pollsUnanswered  polls still unanswered when the next one was due (or the connection ended)
 * @param statusReplies    status replies decoded, each one a report
 * @param programmeReplies programme replies decoded
 * @param refusals         commands the pump refused ({@code NAK})
 * @param badFrames        frames dropped by the framer: bad CRC, garbage, oversize
 * @param undecodable      good frames whose body did not parse
 */
public record PumpCounters(long pollsSent, long pollsUnanswered, long statusReplies, long programmeReplies,
                           long refusals, long badFrames, long undecodable) {
}
