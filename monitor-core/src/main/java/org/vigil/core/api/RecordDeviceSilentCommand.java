package org.vigil.core.api;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The device, though possibly still connected, sent no usable message (decoded and mapped to observations) for
 * the clinic protocol's silence time. Garbage, bad frames and keep-alives are not usable.
 *
 * @param chairId       the chair the device is configured for, {@code null} when no one configured it
 * @param silentFor     how long nothing usable arrived
 * @param lastMessageAt when the last usable message arrived, {@code null} when none arrived on this connection
 */
public record RecordDeviceSilentCommand(@TargetAggregateIdentifier DeviceId deviceId, ChairId chairId,
                                        Duration silentFor, Instant lastMessageAt, Instant at) {
}
