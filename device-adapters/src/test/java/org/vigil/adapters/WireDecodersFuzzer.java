package org.vigil.adapters;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.vigil.adapters.hl7.wire.Hl7MessageFuzzer;
import org.vigil.adapters.hl7.wire.MllpFramerFuzzer;
import org.vigil.adapters.intellivue.wire.IntelliVueFrameFuzzer;
import org.vigil.adapters.masimo.wire.MasimoLineFuzzer;
import org.vigil.adapters.pump.wire.PumpReplyFuzzer;
import org.vigil.core.protocol.ClinicProtocolFuzzer;

/**
 * Every decoder's fuzz property in one fuzz test, the bounded run of every build ({@link WireDecodersFuzzingIT}
 * fuzzes it): Jazzer fuzzes one test per JVM and starting it costs more than the few seconds each decoder gets, so
 * the first byte of an input picks the decoder and the rest is its input. The seeds in
 * {@code WireDecodersFuzzerInputs} are those of each decoder's own fuzz test with that byte in front; the fuzz
 * profile runs the decoders' own tests for minutes each.
 */
class WireDecodersFuzzer {

    private static final List<Consumer<byte[]>> PROPERTIES = List.of(
            MllpFramerFuzzer::check,
            Hl7MessageFuzzer::check,
            IntelliVueFrameFuzzer::check,
            PumpReplyFuzzer::check,
            MasimoLineFuzzer::check,
            ClinicProtocolFuzzer::check);

    @FuzzTest(maxDuration = "30s")
    void everyDecoderKeepsItsProperty(byte[] input) {
        if (input.length > 0) {
            PROPERTIES.get(Byte.toUnsignedInt(input[0]) % PROPERTIES.size()).accept(Arrays.copyOfRange(input, 1, input.length));
        }
    }
}
