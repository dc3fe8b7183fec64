/**
 * Philips IntelliVue Data Export over the MIB/RS232 port (docs/PROTOCOLS.md §2): the IntelliVueCodec that runs
 * the client over any transport, and IntelliVueLinks, which builds a supervised link to one monitor.
 */
package org.vigil.adapters.intellivue;
