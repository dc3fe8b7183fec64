package org.vigil.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.adapters.hl7.MllpTestClient;
import org.vigil.adapters.hl7.wire.Pcd01Examples;
import org.vigil.adapters.hl7.wire.Mllp;

/**
 * Public example PCD-01 messages sent by a gateway whose monitors are configured (for no session yet): accepted with
 * AA, stored on the device and shown under {@code /api/devices}; malformed messages get AE/AR with a reason and the
 * connection goes on. (A sender nobody configured is quarantined: {@code SpoofedSenderIT}.)
 */
class GatewayExamplesIT {

    private static final String NIST_MONITOR = "080019FFFE3ED02D172.16.172.135";
    private static final String GE_MONITOR = "080019FFFE0B4020";

    @TempDir
    Path data;

    @Test
    void acceptsPublicExampleMessagesAndShowsTheirValuesUnderDevices() throws Exception {
        try (RunningVigil vigil = RunningVigil.start(data, NIST_MONITOR + "=chair-1", GE_MONITOR + "=chair-2");
             MllpTestClient gateway = new MllpTestClient(vigil.mllpPort())) {
            // when
            gateway.send(Mllp.wrap(Pcd01Examples.load(Pcd01Examples.NIST_GATEWAY_NIBP)));
            gateway.send(Mllp.wrap(Pcd01Examples.load(Pcd01Examples.GE_B40_MONITOR)));

            // then
            await().atMost(Duration.ofSeconds(10)).until(() -> gateway.acks().size() == 2);
            assertThat(gateway.acks()).allSatisfy(ack -> assertThat(ack).contains("MSA|AA|"));
            vigil.awaitReadModels();
            JsonNode nist = device(vigil.get("/api/devices"), NIST_MONITOR);
            assertThat(nist.path("configured").asBoolean()).isTrue();
            assertThat(value(nist, 150021)).isEqualTo(120.0);
            assertThat(value(nist, 150022)).isEqualTo(80.0);
            assertThat(StreamSupport.stream(vigil.get("/api/devices").spliterator(), false)).hasSize(2);
        }
    }

    @Test
    void answersMalformedMessagesWithAReasonAndKeepsTheConnection() throws Exception {
        try (RunningVigil vigil = RunningVigil.start(data, NIST_MONITOR + "=chair-1", GE_MONITOR + "=chair-2");
             MllpTestClient gateway = new MllpTestClient(vigil.mllpPort())) {
            String good = Pcd01Examples.load(Pcd01Examples.NIST_GATEWAY_NIBP);

            // when
            gateway.send(Mllp.wrap("this is not HL7"));
            gateway.send(Mllp.wrap(good.replace("ORU^R01^ORU_R01", "ADT^A01^ADT_A01")));
            gateway.send(Mllp.wrap(good.substring(0, good.indexOf("OBX"))));
            gateway.send(Mllp.wrap(good));
            gateway.send(Mllp.wrap(good));

            // then
            await().atMost(Duration.ofSeconds(10)).until(() -> gateway.acks().size() == 5);
            assertThat(gateway.acks().get(0)).contains("MSA|AR|", "ERR|");
            assertThat(gateway.acks().get(1)).contains("MSA|AR|", "unsupported message type");
            assertThat(gateway.acks().get(2)).contains("MSA|AE|", "ERR|");
            assertThat(gateway.acks().get(3)).contains("MSA|AA|0104ef190d604db188c3");
            assertThat(gateway.acks().get(4)).contains("MSA|AA|0104ef190d604db188c3");
            vigil.awaitReadModels();
            JsonNode device = device(vigil.get("/api/devices"), NIST_MONITOR);
            assertThat(device.path("messagesRecorded").asLong()).as("a resend is stored once").isEqualTo(1);
        }
    }

    private static JsonNode device(JsonNode devices, String id) {
        return StreamSupport.stream(devices.spliterator(), false)
                .filter(d -> d.path("deviceId").asText().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no device " + id + " in " + devices));
    }

    private static double value(JsonNode device, int mdcCode) {
        return StreamSupport.stream(device.path("lastValues").spliterator(), false)
                .filter(v -> v.path("mdcCode").asInt() == mdcCode)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no value " + mdcCode + " in " + device))
                .path("value").asDouble();
    }
}
