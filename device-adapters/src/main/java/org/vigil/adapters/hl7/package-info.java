/**
 * HL7 v2 over MLLP (docs/PROTOCOLS.md §1): the Hl7Listener that gateways dial into, the supervised Hl7Link to one
 * device or gateway on a serial line or a terminal server (built by Hl7Links), the Hl7Codec and Hl7Pipeline
 * between them and the wire code, and their counters. Decoding and mapping themselves are in the wire sub-package.
 */
package org.vigil.adapters.hl7;
