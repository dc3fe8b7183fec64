/**
 * The persisted read models' processors: how far each has come and its rebuild from the first event, for engineers.
 */
package org.vigil.query.readmodels;
