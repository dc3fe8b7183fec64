package org.vigil.adapters.hl7.wire;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Hl7HeaderTest {

    @Test
    void readsAHeaderWrittenWithOtherEncodingCharacters() {
        // when
        Hl7Header header = Hl7Header.peek("MSH#$%!*#GW$0123$EUI-64#ICU###20240305##ORU$R01#55#P#2.6\rOBX#1").orElseThrow();

        // then
        assertThat(header.sendingApplication()).isEqualTo("GW^0123^EUI-64");
        assertThat(header.messageType()).isEqualTo("ORU^R01");
        assertThat(header.triggerEvent()).isEqualTo("R01");
        assertThat(header.controlId()).isEqualTo("55");
    }

    @Test
    void leavesOutTheFacilityFromTheSenderWhenItIsEmpty() {
        // when
        Hl7Header header = Hl7Header.peek("MSH|^~\\&|GW^0123^EUI-64||||20240305||ORU^R01|55|P|2.6").orElseThrow();

        // then
        assertThat(header.sender()).isEqualTo("GW^0123^EUI-64");
    }

    @Test
    void findsNoHeaderInTextThatIsNotAnMsh() {
        // when / then
        assertThat(Hl7Header.peek("MSA|AA|1")).isEmpty();
        assertThat(Hl7Header.peek("MSH")).isEmpty();
    }
}
