/**
 * The wiring: assembles the core's aggregates, alarm decisions and clinic protocol with the application's
 * infrastructure. Nothing but the application depends on it.
 */
package org.vigil.query.config;
