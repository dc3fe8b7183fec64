package org.vigil.query.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.vigil.core.api.DeviceReport;

/**
 * What a device message says, as a number: the first 64 bits of the SHA-256 of its content in JSON, without the
 * time Vigil received it (a resend arrives later with the same content). Two messages under one sender and control
 * id are the same message when their hashes are equal; a chance collision of two different contents under one key
 * is 1 in 2<sup>64</sup>.
 */
final class PayloadHash {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private PayloadHash() {
    }

    static long of(DeviceReport report) {
        ObjectNode content = JSON.valueToTree(report);
        content.remove("receivedAt");
        content.put("type", report.getClass().getSimpleName());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(JSON.writeValueAsBytes(content));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot hash the message " + report.messageKey(), e);
        }
    }
}
