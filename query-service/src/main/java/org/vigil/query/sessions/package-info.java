/**
 * The persisted sessions index and alarm records behind {@code /api/sessions}, and a session as it stood at a
 * moment, folded from its own stream.
 */
package org.vigil.query.sessions;
