/**
 * The alarm decisions (docs/DESIGN.md, principle 1): the rules as named pure functions over a reading, the session
 * and the clinic protocol, and the decision handlers of the subscribing processor {@code alarm-decisions} that apply
 * them to each recorded message or on the clock and record every change as a command to the session.
 */
package org.vigil.core.alarm;
