package org.vigil.query.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.Message;
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

    /**
     * The command metadata key under which the ingest passes a message's hash, computed on the thread that received
     * the message rather than on the one thread that stores them ({@link DuplicateCheck}). Command metadata is never
     * copied into events here (no correlation data), so it is not stored.
     */
    static final String METADATA_KEY = "vigil.payload-hash";

    private PayloadHash() {
    }

    /** The hash {@code command} carries in its metadata, if it carries one. */
    static OptionalLong carriedBy(Message<?> command) {
        return command.getMetaData().get(METADATA_KEY) instanceof Long hash ? OptionalLong.of(hash)
                : OptionalLong.empty();
    }

    /** {@code command} with a message's hash in its metadata. */
    static CommandMessage<?> carrying(Object command, long hash) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(METADATA_KEY, hash));
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
