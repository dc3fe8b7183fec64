package org.vigil.adapters.hl7.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void replacesQuotedContentAndKeepsTheReason() {
        // when
        String reason = Redaction.reason("Can't parse 'SMITH^JOHN^^^^' in PID-5: value \"120\" invalid");

        // then
        assertThat(reason).isEqualTo("Can't parse '…' in PID-5: value '…' invalid");
    }

    @Test
    void keepsALogLineOnOneLineAndShort() {
        // when
        String id = Redaction.id("ID\r\nFORGED LOG LINE" + "x".repeat(500));

        // then
        assertThat(id).doesNotContain("\r", "\n").hasSizeLessThanOrEqualTo(Redaction.MAX_LOGGED_ID_CHARS + 1);
    }

    @Test
    void shortensAVeryLongReason() {
        // when
        String reason = Redaction.reason("y".repeat(10_000));

        // then
        assertThat(reason).hasSize(Redaction.MAX_REASON_CHARS + 1).endsWith("…");
    }
}
