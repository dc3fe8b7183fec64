package org.vigil.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;

/**
 * Coverage-guided fuzzing of the clinic protocol loader, from the shipped protocol and edited copies of it in
 * {@code ClinicProtocolFuzzerInputs}: any file gives a protocol or a {@link ClinicProtocolException} that names
 * what is wrong, never another exception.
 */
public class ClinicProtocolFuzzer {

    @FuzzTest(maxDuration = "5m")
    void loadsAnyFileOrSaysWhatIsWrong(byte[] file) {
        check(file);
    }

    /** The property, also fuzzed together with the wire decoders' by {@code WireDecodersFuzzer}. */
    public static void check(byte[] file) {
        try {
            assertThat(ClinicProtocolLoader.load(new ByteArrayInputStream(file), "fuzzed.yml")).isNotNull();
        } catch (ClinicProtocolException refused) {
            assertThat(refused.getMessage()).startsWith("clinic protocol fuzzed.yml");
        }
    }
}
