/**
 * Writes the IHE PCD-01 messages a monitor sends and reads the HL7 acknowledgements a receiver answers with,
 * without HAPI.
 */
package org.vigil.simulator.hl7;
