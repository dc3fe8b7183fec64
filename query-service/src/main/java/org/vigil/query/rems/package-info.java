/**
 * The esketamine REMS Patient Monitoring Form of a session, derived from its events, completed by a director, and
 * whether each session's form is complete.
 */
package org.vigil.query.rems;
