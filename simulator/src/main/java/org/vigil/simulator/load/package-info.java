/**
 * A load generator for any MLLP receiver: many connections sending PCD-01 back to back, each timing the round trip
 * to its acknowledgement.
 */
package org.vigil.simulator.load;
