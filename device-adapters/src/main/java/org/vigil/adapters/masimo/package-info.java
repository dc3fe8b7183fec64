/**
 * The Masimo pulse oximeter's ASCII 1 serial output (docs/PROTOCOLS.md §4): the MasimoCodec that reads an
 * oximeter over any transport, and MasimoLinks, which builds a supervised link to one oximeter on a serial port
 * or behind a terminal server.
 */
package org.vigil.adapters.masimo;
