/**
 * The {@code Session} aggregate: one treatment session at a chair, its workflow from check-in to discharge and the
 * lifecycle of its alarms, each step validated against the rules of the clinic protocol and recorded as an event.
 */
package org.vigil.core.session;
