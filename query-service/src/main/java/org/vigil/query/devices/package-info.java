/**
 * The persisted devices read model behind {@code GET /api/devices}: devices seen or expected, their last values and
 * link state, with the live counters of their connections.
 */
package org.vigil.query.devices;
