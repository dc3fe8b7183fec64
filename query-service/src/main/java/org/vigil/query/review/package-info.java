/**
 * The medical director's review: the sessions list, one session's chart, summary and replayed tile, served from the
 * persisted read models and the session's own record.
 */
package org.vigil.query.review;
