/**
 * Test support shared with the other modules through monitor-core's test-jar: a clock the tests move, the
 * application's serializer, and twin cores that load aggregates from events and from snapshots.
 */
package org.vigil.core.testing;
