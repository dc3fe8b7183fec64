/**
 * The {@code Device} aggregate: what a device sent while no session ran at its chair, and its connection and
 * whether it sends usable data, so an outage is on record even when no alarm could be raised for it.
 */
package org.vigil.core.device;
