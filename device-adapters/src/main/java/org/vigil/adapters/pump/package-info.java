/**
 * The infusion pump's serial protocol (docs/PROTOCOLS.md §3): the PumpCodec that polls a pump over any transport,
 * and PumpLinks, which builds a supervised link to one pump on a serial port or behind a terminal server. Pumps
 * that speak HL7 through a gateway are read by the hl7 package.
 */
package org.vigil.adapters.pump;
