/**
 * What people and the clock do to alarms: acknowledgement and audio pause over HTTP, and the ticker that gives the
 * time-based alarm decisions (escalation, stale blood pressure) the clock.
 */
package org.vigil.query.alarms;
