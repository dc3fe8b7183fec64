/**
 * The message contract of Vigil: every command, event, query result and id, as records shared by all modules. An
 * event, once stored, changes shape only with a new {@code @Revision} and an upcaster.
 */
package org.vigil.core.api;
