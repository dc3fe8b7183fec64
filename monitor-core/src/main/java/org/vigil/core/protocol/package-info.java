/**
 * The clinic protocol — thresholds, delays, cadences, drug library, workflow settings — read from the clinic's
 * YAML file and checked before anything runs under it.
 */
package org.vigil.core.protocol;
