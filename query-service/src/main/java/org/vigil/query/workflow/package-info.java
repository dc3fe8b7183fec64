/**
 * The session workflow over HTTP, from check-in to review, with the prescription: each step a command recorded with
 * the user who took it.
 */
package org.vigil.query.workflow;
