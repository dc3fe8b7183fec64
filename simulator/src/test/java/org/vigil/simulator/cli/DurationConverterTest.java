package org.vigil.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine.TypeConversionException;
import org.junit.jupiter.api.Test;

class DurationConverterTest {

    private final DurationConverter converter = new DurationConverter();

    @ParameterizedTest
    @CsvSource({"500ms,PT0.5S", "30s,PT30S", "5m,PT5M", "2h,PT2H", "PT1M30S,PT1M30S", "pt10s,PT10S"})
    void readsShortAndIsoDurations(String text, String expected) {
        // when
        Duration duration = converter.convert(text);

        // then
        assertThat(duration).isEqualTo(Duration.parse(expected));
    }

    @Test
    void explainsWhatItCannotRead() {
        // when / then
        assertThatThrownBy(() -> converter.convert("soon"))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("'soon' is not a duration");
    }
}
