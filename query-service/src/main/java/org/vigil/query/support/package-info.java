/**
 * Small helpers every package may use: the processing group names, changes run after the commit or once per batch,
 * and API error answers.
 */
package org.vigil.query.support;
