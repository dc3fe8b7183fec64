package org.vigil.query.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParsedTextsTest {

    private final List<String> parses = new ArrayList<>();
    private final ParsedTexts<Integer> lengths = new ParsedTexts<>(2, (row, text) -> {
        parses.add(row + ":" + text);
        if (text.isEmpty()) {
            throw new IllegalStateException("column of " + row + " is empty");
        }
        return text.length();
    });

    @Test
    void parsesARowsTextOnceWhileItStaysTheSame() {
        // when
        int first = lengths.parsed("device-1", "[1,2]");
        int again = lengths.parsed("device-1", "[1,2]");

        // then
        assertThat(first).isEqualTo(5);
        assertThat(again).isEqualTo(5);
        assertThat(parses).containsExactly("device-1:[1,2]");
    }

    @Test
    void parsesAgainWhenTheRowsTextIsNotTheOneItRemembers() {
        // given: written, then the write rolled back, so the row still holds its old text
        lengths.parsed("device-1", "[1]");
        lengths.wrote("device-1", "[1,2,3]", 7);

        // when
        int read = lengths.parsed("device-1", "[1]");

        // then
        assertThat(read).isEqualTo(3);
        assertThat(parses).containsExactly("device-1:[1]", "device-1:[1]");
    }

    @Test
    void takesWhatWasWrittenWithoutParsingIt() {
        // given
        lengths.wrote("device-1", "[1,2,3]", 7);

        // when
        int read = lengths.parsed("device-1", "[1,2,3]");

        // then
        assertThat(read).isEqualTo(7);
        assertThat(parses).isEmpty();
    }

    @Test
    void keepsTheSameTextOfAnotherRowApart() {
        // given
        lengths.wrote("device-1", "[1]", 99);

        // when
        int other = lengths.parsed("device-2", "[1]");

        // then
        assertThat(other).isEqualTo(3);
        assertThat(parses).containsExactly("device-2:[1]");
    }

    @Test
    void forgetsTheLeastRecentlyUsedRowWhenFull() {
        // given
        lengths.parsed("device-1", "[1]");
        lengths.parsed("device-2", "[2]");
        lengths.parsed("device-1", "[1]");

        // when
        lengths.parsed("device-3", "[3]");
        lengths.parsed("device-1", "[1]");
        lengths.parsed("device-2", "[2]");

        // then
        assertThat(lengths.size()).isEqualTo(2);
        assertThat(parses).containsExactly("device-1:[1]", "device-2:[2]", "device-3:[3]", "device-2:[2]");
    }

    @Test
    void passesOnWhatTheParseThrowsAndRemembersNothing() {
        assertThatThrownBy(() -> lengths.parsed("device-1", "")).isInstanceOf(IllegalStateException.class)
                .hasMessage("column of device-1 is empty");
        assertThat(lengths.size()).isZero();
    }
}
