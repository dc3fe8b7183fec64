/**
 * Infusion pumps as their messages describe them: the programme in effect, the status, the dose delivered and the
 * prescription it is checked against, all pure folds of recorded messages (docs/DOMAIN.md, "Infusion pumps").
 */
package org.vigil.core.pump;
