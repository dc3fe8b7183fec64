/**
 * The live stream to the nurses' screens (Server-Sent Events): chair, alarm and audio-pause changes, conditions of
 * Vigil itself, and a heartbeat. It reads the chairs only through {@link org.vigil.query.live.CurrentChairs}.
 */
package org.vigil.query.live;
