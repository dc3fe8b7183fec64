package org.vigil.query.ingest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.annotation.JsonAppend;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import org.vigil.core.api.DeviceReport;

/**
 * What a device message says, as a number: the first 64 bits of the SHA-256 of its content in JSON, without the
 * time Vigil received it (a resend arrives later with the same content) and with the report's kind last, as
 * {@code "type"}. Two messages under one sender and control id are the same message when their hashes are equal; a
 * chance collision of two different contents under one key is 1 in 2<sup>64</sup>.
 *
 * <p>The JSON is written once, straight into the digest. Its form is the one stored hashes were computed from (the
 * test pins it), which went through a JSON tree first: durations as seconds without trailing zeros
 * ({@link StoredDurations}).
 */
final class PayloadHash {

    private static final String KIND = "type";

    private static final ObjectWriter CONTENT = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule().addSerializer(Duration.class, new StoredDurations()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .addMixIn(DeviceReport.class, Content.class)
            .build()
            .writer();

    private static final MessageDigest SHA_256 = sha256();

    private PayloadHash() {
    }

    static long of(DeviceReport report) {
        MessageDigest digest = copyOfSha256();
        try (OutputStream content = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
            CONTENT.withAttribute(KIND, report.getClass().getSimpleName()).writeValue(content, report);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hash the message " + report.messageKey(), e);
        }
        return ByteBuffer.wrap(digest.digest()).getLong();
    }

    private static MessageDigest copyOfSha256() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            return sha256();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    /**
     * A duration as the stored hashes have it: its seconds as a decimal number without trailing zeros, in Java's
     * notation ({@code 2.4E+3} for 40 minutes, {@code 90.5}, {@code 0}).
     */
    private static final class StoredDurations extends JsonSerializer<Duration> {

        @Override
        public void serialize(Duration duration, JsonGenerator json, SerializerProvider provider) throws IOException {
            BigDecimal seconds = BigDecimal.valueOf(duration.getSeconds())
                    .add(BigDecimal.valueOf(duration.getNano(), 9));
            json.writeNumber(seconds.signum() == 0 ? BigDecimal.ZERO : seconds.stripTrailingZeros());
        }
    }

    /** A report's content: everything but the time Vigil received it, and its kind after the rest. */
    @JsonIgnoreProperties("receivedAt")
    @JsonAppend(attrs = @JsonAppend.Attr(KIND))
    private interface Content {
    }
}
