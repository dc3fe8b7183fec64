/**
 * Several active nodes on one PostgreSQL (docs/DESIGN.md, "Several active nodes"): each node names its partition
 * ({@code vigil.node.partition}) and serves the chairs of its configuration, which it registers in the shared
 * {@code chair_partition} table; a change through the API that concerns another partition's chair or session is
 * refused with 421, naming the partition to ask, rather than decided by a node that does not watch that chair.
 */
package org.vigil.query.partition;
