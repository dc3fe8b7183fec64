/**
 * Who read which session's record, when: the audit trail of the review pages and exports, in a stream per session
 * apart from the session's own.
 */
package org.vigil.query.audit;
