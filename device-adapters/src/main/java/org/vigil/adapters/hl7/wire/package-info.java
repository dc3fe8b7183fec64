/**
 * The pure part of HL7: MLLP framing, PCD-01, PCD-04 and PCD-10 decoding with HAPI, mapping to org.vigil.core.api
 * reports, and the acknowledgement a message gets. Bytes in, values out; no Spring, Axon or Vert.x.
 */
package org.vigil.adapters.hl7.wire;
