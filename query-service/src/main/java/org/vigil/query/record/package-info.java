/**
 * The tamper-evident record: verifying the chain of event hashes that the store writes with every event, on demand
 * ({@code GET /api/record/verify}, the {@code verify-record} command) and on a schedule that raises a technical
 * condition on the station when the record was altered.
 */
package org.vigil.query.record;
