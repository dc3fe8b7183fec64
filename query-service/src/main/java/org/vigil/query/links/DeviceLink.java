package org.vigil.query.links;

import java.util.function.Supplier;

/** A running connection to one device: started, stopped, and counted. */
record DeviceLink(String description, Runnable start, Runnable stop, Supplier<LinkCounters> counters) {
}
