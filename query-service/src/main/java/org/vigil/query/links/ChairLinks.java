package org.vigil.query.links;

import org.vigil.core.api.ChairId;
import org.vigil.core.api.DeviceId;

/**
 * What the chairs show of their devices' links, told by the {@link DeviceSupervisor} once the store holds a link's
 * state. The port keeps the ingest path from reaching into the live chair view that implements it.
 */
public interface ChairLinks {

    /** A device's connection reports it connected, and the store holds that. */
    void linkConnected(ChairId chair, DeviceId device);

    /** A device's connection reports it lost, and the store holds that. */
    void linkDisconnected(ChairId chair, DeviceId device);

    /** A device sends nothing usable, or usable data again, and the store holds that. */
    void linkOffline(ChairId chair, DeviceId device, boolean offline);
}
