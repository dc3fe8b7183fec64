package org.vigil.adapters.masimo;

/**
 * What one {@link MasimoCodec} has seen, for the operator's device page.
 *
 * @param lines        lines decoded, each one observations report
 * @param badLines     lines dropped by the framer: over-long, or with bytes that are not printable ASCII
 * @param undecodable  lines that did not decode: no date, cut short, a value out of form or range
 * @param garbageBytes bytes skipped before the date of a line that then decoded
 * @param conditions   technical conditions started (sensor off, low perfusion, …)
 */
public record MasimoCounters(long lines, long badLines, long undecodable, long garbageBytes, long conditions) {
}
