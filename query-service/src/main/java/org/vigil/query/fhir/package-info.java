/** A session as a FHIR R4 Bundle, built with HAPI FHIR. */
package org.vigil.query.fhir;
