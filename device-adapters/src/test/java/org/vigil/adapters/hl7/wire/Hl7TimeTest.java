package org.vigil.adapters.hl7.wire;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class Hl7TimeTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "20110602045842+0000,     2011-06-02T04:58:42Z",
            "20170503120000+0200,     2017-05-03T10:00:00Z",
            "20240305101458.25-0500,  2024-03-05T15:14:58.250Z",
            "20240305101458.1234+0000, 2024-03-05T10:14:58.1234Z",
            "20130122134100,          2013-01-22T13:41:00Z",
            "201301221341,            2013-01-22T13:41:00Z",
            "20130122,                2013-01-22T00:00:00Z",
            "2013,                    2013-01-01T00:00:00Z",
            "20240305101458+0530,     2024-03-05T04:44:58Z"
    })
    void readsDtmValues(String dtm, Instant expected) {
        // when / then
        assertThat(Hl7Time.parse(dtm)).contains(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"20131322134100", "20130122250000", "2013012213410", "20260124131539000+0800",
            "yesterday", "20130122134100+2500", "20130122134100+0090"})
    void refusesWhatIsNotADtm(String dtm) {
        // when / then
        assertThat(Hl7Time.parse(dtm)).isEmpty();
    }
}
