package org.vigil.core.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** One 28 mg esketamine nasal device was given; devices are at least 5 min apart (docs/DOMAIN.md, "The treatment"). */
public record AdministerEsketamineDeviceCommand(@TargetAggregateIdentifier SessionId sessionId, String user,
                                                Instant at) {
}
