/** Outcome scores (MADRS, PHQ-9) per session, and a patient's series of sessions with their trends. */
package org.vigil.query.outcomes;
