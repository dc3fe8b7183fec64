/** A session told by its own stream for the exports (FHIR, PDF): readings, dose, devices and alarms. */
package org.vigil.query.sessionrecord;
