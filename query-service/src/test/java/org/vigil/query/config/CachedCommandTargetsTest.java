package org.vigil.query.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.junit.jupiter.api.Test;
import org.vigil.core.api.EndSessionCommand;
import org.vigil.core.api.SessionId;

class CachedCommandTargetsTest {

    private final CachedCommandTargets cached = new CachedCommandTargets();
    private final AnnotationCommandTargetResolver axons = AnnotationCommandTargetResolver.builder().build();

    record OnAComponent(@TargetAggregateIdentifier String session, String note) {
    }

    record Versioned(@TargetAggregateIdentifier String session, @TargetAggregateVersion long version) {
    }

    static final class OnAMethod {
        @TargetAggregateIdentifier
        String session() {
            return "session-7";
        }
    }

    record Untargeted(String session) {
    }

    @Test
    void findsTheSameTargetAsAxonsResolver() {
        for (Object command : new Object[] {new OnAComponent("session-1", "note"), new Versioned("session-2", 41),
                new OnAMethod(), new OnAComponent("session-1", "other note")}) {
            VersionedAggregateIdentifier found = cached.resolveTarget(GenericCommandMessage.asCommandMessage(command));
            VersionedAggregateIdentifier expected = axons.resolveTarget(
                    GenericCommandMessage.asCommandMessage(command));

            assertThat(found.getIdentifier()).isEqualTo(expected.getIdentifier());
            assertThat(found.getVersion()).isEqualTo(expected.getVersion());
        }
    }

    @Test
    void findsTheSessionOfAVigilCommand() {
        // given
        SessionId session = SessionId.random();

        // when
        VersionedAggregateIdentifier found = cached.resolveTarget(GenericCommandMessage.asCommandMessage(
                new EndSessionCommand(session, "discharged", Instant.EPOCH)));

        // then
        assertThat(found.getIdentifier()).isEqualTo(session.toString());
    }

    @Test
    void refusesACommandWithoutTargetAsAxonDoes() {
        assertThatThrownBy(() -> cached.resolveTarget(GenericCommandMessage.asCommandMessage(new Untargeted("s"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Untargeted");
        assertThatThrownBy(() -> axons.resolveTarget(GenericCommandMessage.asCommandMessage(new Untargeted("s"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Untargeted");
    }
}
