package org.vigil.query.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.api.DeviceReportQuarantinedEvent;
import org.vigil.core.api.ObservationsRecordedEvent;
import org.vigil.query.GatewayMessages;
import org.vigil.query.RunningVigil;

/**
 * The MLLP listener on a real socket, with the real store: a message carrying a configured monitor's EUI-64 from an
 * address its device entry does not allow is refused and never reaches the chair; a message from a sender nobody
 * configured is quarantined — stored apart, visible on the engineers' overview — and answered {@code AA}, or
 * {@code AR} when the clinic says so. All connections come from loopback addresses: 127.0.0.1 is the "other host",
 * 127.0.0.2 the gateway the clinic allows.
 */
class SpoofedSenderIT {

    private static final String MONITOR = GatewayMessages.NIST_DEVICE;
    private static final String CHAIR = "chair-1";
    private static final Duration ANSWER = Duration.ofSeconds(10);

    @TempDir
    Path data;

    @Test
    void aConfiguredMonitorsIdFromAnAddressNotAllowedNeverReachesTheChair() throws Exception {
        List<String> properties = new ArrayList<>(RunningVigil.devices(MONITOR + "=" + CHAIR));
        properties.add("--vigil.devices[0].allowed-addresses=127.0.0.2");
        try (RunningVigil vigil = RunningVigil.startWith(data, properties)) {
            // given a session at the monitor's chair
            vigil.startSession(CHAIR, 124, 78);

            // when someone else sends the monitor's message from 127.0.0.1
            String answer = send(vigil, "127.0.0.1", GatewayMessages.nist("SPOOF-1"));

            // then it is refused, stored in quarantine only, and the chair shows nothing of it
            assertThat(answer).contains("MSA|AR|SPOOF-1", "204^Unknown key identifier", "not accepted from this address");
            assertThat(vigil.stored(ObservationsRecordedEvent.class)).isEmpty();
            assertThat(vigil.stored(DeviceReportQuarantinedEvent.class)).singleElement().satisfies(stored -> {
                assertThat(stored.payload().deviceId()).isEqualTo(MONITOR);
                assertThat(stored.payload().sourceAddress()).isEqualTo("127.0.0.1");
                assertThat(stored.payload().controlId()).isEqualTo("SPOOF-1");
                assertThat(stored.payload().refused()).isTrue();
            });
            assertThat(chair(vigil).path("vitals").size()).as("vitals at the chair").isZero();

            // when the gateway the clinic allows sends the same monitor's message
            String allowed = send(vigil, "127.0.0.2", GatewayMessages.nist("REAL-1"));

            // then it reaches the chair's session
            assertThat(allowed).contains("MSA|AA|REAL-1");
            assertThat(vigil.stored(ObservationsRecordedEvent.class)).singleElement().satisfies(stored -> {
                assertThat(stored.payload().sessionId()).isNotNull();
                assertThat(stored.payload().messageKey().controlId()).isEqualTo("REAL-1");
            });
        }
    }

    @Test
    void aSenderNobodyConfiguredIsQuarantinedAcknowledgedAndShownToEngineers() throws Exception {
        try (RunningVigil vigil = RunningVigil.start(data, "sim-monitor-01=" + CHAIR)) {
            // given a session at chair 1
            vigil.startSession(CHAIR, 124, 78);

            // when a monitor nobody configured sends
            String answer = send(vigil, "127.0.0.1", GatewayMessages.nist("STRANGER-1"));

            // then the gateway is told it was received, and the message is kept apart
            assertThat(answer).contains("MSA|AA|STRANGER-1").doesNotContain("ERR|");
            assertThat(vigil.stored(ObservationsRecordedEvent.class)).isEmpty();
            assertThat(vigil.stored(DeviceReportQuarantinedEvent.class)).singleElement().satisfies(stored -> {
                assertThat(stored.payload().sender()).isEqualTo(GatewayMessages.NIST_SENDER);
                assertThat(stored.payload().reason()).isEqualTo("the sender is not configured in Vigil");
                assertThat(stored.payload().refused()).isFalse();
            });
            assertThat(chair(vigil).path("vitals").size()).as("vitals at the chair").isZero();
            assertThat(vigil.mllpStatistics().quarantinedMessages()).isEqualTo(1);

            // and the engineers' overview counts it and names the sender
            vigil.awaitReadModels();
            JsonNode quarantine = vigil.get("/api/devices/overview", "engineer").path("quarantine");
            assertThat(quarantine.path("count").asLong()).isEqualTo(1);
            JsonNode latest = quarantine.path("latest").get(0);
            assertThat(latest.path("deviceId").asText()).isEqualTo(MONITOR);
            assertThat(latest.path("sourceAddress").asText()).isEqualTo("127.0.0.1");
            assertThat(latest.path("controlId").asText()).isEqualTo("STRANGER-1");
            assertThat(latest.path("answer").asText()).isEqualTo("AA");
            assertThat(latest.path("receivedAt").asText()).isNotEmpty();
        }
    }

    @Test
    void aClinicThatRejectsUnknownSendersAnswersAr() throws Exception {
        List<String> properties = new ArrayList<>(RunningVigil.devices("sim-monitor-01=" + CHAIR));
        properties.add("--vigil.mllp.unknown-senders=reject");
        try (RunningVigil vigil = RunningVigil.startWith(data, properties)) {
            // when
            String answer = send(vigil, "127.0.0.1", GatewayMessages.nist("STRANGER-2"));

            // then
            assertThat(answer).contains("MSA|AR|STRANGER-2", "ERR|", "the sender is not configured in Vigil");
            assertThat(vigil.stored(ObservationsRecordedEvent.class)).isEmpty();
            assertThat(vigil.stored(DeviceReportQuarantinedEvent.class)).singleElement()
                    .satisfies(stored -> assertThat(stored.payload().refused()).isTrue());
        }
    }

    private static String send(RunningVigil vigil, String from, String message) throws UnknownHostException {
        return GatewayMessages.send(vigil.mllpPort(), InetAddress.getByName(from), message, ANSWER);
    }

    private static JsonNode chair(RunningVigil vigil) {
        for (JsonNode chair : vigil.get("/api/chairs")) {
            if (chair.path("chairId").asText().equals(CHAIR)) {
                return chair;
            }
        }
        throw new AssertionError("no " + CHAIR + " in /api/chairs");
    }
}
