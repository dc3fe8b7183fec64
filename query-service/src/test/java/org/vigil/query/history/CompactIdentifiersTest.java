package org.vigil.query.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;
import org.vigil.query.store.CompactIdentifiers;

/** Axon names every message with Vigil's identifiers: 22 characters, 128 random bits, none repeated. */
class CompactIdentifiersTest {

    @Test
    void axonNamesMessagesWithTwentyTwoUrlSafeCharacters() {
        // when
        String identifier = GenericEventMessage.asEventMessage("an event").getIdentifier();

        // then
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(CompactIdentifiers.class);
        assertThat(identifier).hasSize(22).matches("[A-Za-z0-9_-]{22}");
    }

    @Test
    void aHundredThousandIdentifiersAreAllDifferent() {
        // given
        IdentifierFactory identifiers = new CompactIdentifiers();
        Set<String> seen = new HashSet<>();

        // when
        for (int i = 0; i < 100_000; i++) {
            seen.add(identifiers.generateIdentifier());
        }

        // then
        assertThat(seen).hasSize(100_000);
    }
}
