package org.vigil.query.links;

import java.util.concurrent.CompletionStage;

/**
 * Where {@link DeviceSupervisor} stores what it learns of a device (connected, disconnected, silent, recovered): in
 * the wiring, the group commit of the device messages, so that a storm of device events (a gateway with many
 * devices reconnecting, a clinic's devices all reporting in at start) is stored many to a transaction, in the order
 * the events happened, beside the messages rather than each in a transaction of its own that the messages' answers
 * would wait behind.
 */
@FunctionalInterface
public interface SupervisionCommands {

    /**
     * Stores the command once the ones submitted before it are stored.
     *
     * @return completes after the command's transaction committed, or exceptionally if it did not
     */
    CompletionStage<?> store(Object command);
}
