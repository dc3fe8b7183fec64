package org.vigil.simulator.intellivue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientRequestParserTest {

    @Test
    void understandsThePublishedClientMessages() {
        // then
        assertThat(ClientRequestParser.parse(PublishedClientMessages.ASSOCIATION_REQUEST))
                .isEqualTo(new ClientRequest.AssociationRequest());
        assertThat(ClientRequestParser.parse(PublishedClientMessages.MDS_CREATE_EVENT_RESULT))
                .isEqualTo(new ClientRequest.MdsCreateConfirmation(1));
        assertThat(ClientRequestParser.parse(PublishedClientMessages.EXTENDED_NUMERIC_POLL))
                .isEqualTo(new ClientRequest.PollRequest(1, 1, 6, true));
        assertThat(ClientRequestParser.parse(PublishedClientMessages.SINGLE_NUMERIC_POLL))
                .isEqualTo(new ClientRequest.PollRequest(0, 1, 6, false));
        assertThat(ClientRequestParser.parse(PublishedClientMessages.SINGLE_MDS_POLL))
                .isEqualTo(new ClientRequest.PollRequest(0, 1, 0x21, false));
        assertThat(ClientRequestParser.parse(PublishedClientMessages.RELEASE_REQUEST))
                .isEqualTo(new ClientRequest.ReleaseRequest());
        assertThat(ClientRequestParser.parse(PublishedClientMessages.ABORT)).isEqualTo(new ClientRequest.Abort());
    }

    @Test
    void treatsShortOrInconsistentMessagesAsUnrecognised() {
        // then
        assertThat(ClientRequestParser.parse(new byte[0])).isInstanceOf(ClientRequest.Unrecognised.class);
        assertThat(ClientRequestParser.parse(MessageBuilder.fromHex("0D 10 05")))
                .isInstanceOf(ClientRequest.Unrecognised.class);
        assertThat(ClientRequestParser.parse(MessageBuilder.fromHex("E1 00 00 02 00 01 00 30 00 01")))
                .isInstanceOf(ClientRequest.Unrecognised.class);
        assertThat(ClientRequestParser.parse(MessageBuilder.fromHex("E1 00 00 02 00 01 00 0A 00 01 00 07 00 04 00 21")))
                .isInstanceOf(ClientRequest.Unrecognised.class);
        assertThat(ClientRequestParser.parse(MessageBuilder.fromHex("42 00")))
                .isInstanceOf(ClientRequest.Unrecognised.class);
    }
}
