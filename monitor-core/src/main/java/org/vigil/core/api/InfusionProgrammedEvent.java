package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A pump of the session showed a programme for the first time or a changed one. Fields the pump never reported
 * stay {@code null}; a field a message did not carry keeps its last reported value.
 *
 * @param programme             the programme now in effect
 * @param previousRateMlPerHour the rate before the change, {@code null} for the first programme
 * @param deviceTime            the pump's own timestamp of the message that showed it, {@code null} if none
 * @param receivedAt            Vigil's clock when that message arrived
 */
@Revision("1")
public record InfusionProgrammedEvent(SessionId sessionId, ChairId chairId, DeviceId deviceId,
                                      ProgrammeChange change, PumpProgramme programme, Double previousRateMlPerHour,
                                      Instant deviceTime, Instant receivedAt) {
}
