package org.vigil.query.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The stored times are read as the instants Jackson's own deserializer read, in every form. */
class IsoInstantsTest {

    private final ObjectMapper json = EventSerializers.json();

    @Test
    void theTimesJacksonWritesAreReadAsTheSameInstants() throws Exception {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_167_219_200L, 253_402_300_799L),
                    random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000));
            String written = json.writeValueAsString(instant);
            assertThat(json.readValue(written, Instant.class)).isEqualTo(instant);
            assertThat(IsoInstants.parse(written.substring(1, written.length() - 1))).isEqualTo(instant);
        }
    }

    @Test
    void everyFractionLengthIsReadAsItsNanoseconds() {
        assertThat(List.of("2026-12-06T10:49:00Z", "2026-12-06T10:49:00.1Z", "2026-12-06T10:49:00.12Z",
                "2026-12-06T10:49:00.123Z", "2026-12-06T10:49:00.123456Z", "2026-12-06T10:49:00.123456789Z",
                "2024-02-29T23:59:59.000000001Z", "0000-01-01T00:00:00Z", "1970-01-01T00:00:00Z"))
                .allSatisfy(text -> assertThat(IsoInstants.parse(text)).isEqualTo(Instant.parse(text)));
    }

    @Test
    void anyOtherFormIsLeftToJacksonAsBefore() throws Exception {
        assertThat(List.of("2026-12-06T10:49:00+01:00", "2026-12-06T10:49Z", "2026-12-06t10:49:00z",
                "+10000-01-01T00:00:00Z", "2026-12-31T23:59:60Z", "2026-02-29T10:00:00Z", "2026-12-06T24:00:00Z",
                "2026-12-06T10:49:00.Z", "2026-12-06T10:49:00.1234567890Z", "2026-13-06T10:49:00Z", ""))
                .allSatisfy(text -> assertThat(IsoInstants.parse(text)).isNull());
        assertThat(json.readValue("\"2026-12-06T10:49:00+01:00\"", Instant.class))
                .isEqualTo(Instant.parse("2026-12-06T09:49:00Z"));
        assertThat(json.readValue("1765018140.5", Instant.class))
                .isEqualTo(Instant.ofEpochSecond(1_765_018_140L, 500_000_000));
    }
}
