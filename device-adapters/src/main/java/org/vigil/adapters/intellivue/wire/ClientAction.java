package org.vigil.adapters.intellivue.wire;

import org.vigil.core.api.DeviceObservations;

/** What the {@link IntelliVueClient} asks its transport to do. */
public sealed interface ClientAction {

    /** Write these bytes (one complete MIB/RS232 frame) to the monitor. */
    record Send(byte[] frame) implements ClientAction {
        public Send {
            frame = frame.clone();
        }

        @Override
        public byte[] frame() {
            return frame.clone();
        }
    }

    /** Hand this message's observations over to be recorded. */
    record Publish(DeviceObservations observations) implements ClientAction {
    }

    /** The client moved to another state; {@code reason} is for the log. */
    record StateChanged(ClientState from, ClientState to, String reason) implements ClientAction {
    }
}
