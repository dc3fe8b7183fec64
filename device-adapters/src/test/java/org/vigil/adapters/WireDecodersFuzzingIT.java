package org.vigil.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The bounded fuzzing of every build: {@link WireDecodersFuzzer} fuzzed by Jazzer for {@code fuzz.seconds} (30 s)
 * from its seeds, in a JVM of its own beside this module's other integration tests.
 *
 * <p>Jazzer instruments every class the JVM it fuzzes in loads, so no other test may share that JVM; and the other
 * integration tests here spend most of their time waiting on sockets and serial lines, which leaves the fuzzing a
 * core. This class sits in the module's root package so that it starts first: Failsafe runs this module's classes
 * in alphabetical order of their full names, where an upper-case class name sorts before the lower-case
 * sub-packages. A finding fails this test, with Jazzer's report; Jazzer saves the input next to the seeds, where it
 * stays as a regression input. The fuzzer's output is in {@code target/fuzzing/}.
 */
class WireDecodersFuzzingIT {

    private static final Pattern DONE = Pattern.compile("Done (\\d+) runs in (\\d+) second");
    private static final int LEEWAY_SECONDS = 180;

    @Test
    void jazzerFindsNoInputThatBreaksADecodersProperty() throws IOException, InterruptedException {
        int seconds = Integer.getInteger("fuzz.seconds", 30);
        Path output = Path.of("target", "fuzzing", WireDecodersFuzzer.class.getSimpleName() + ".log");
        Files.createDirectories(output.getParent());
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-Djazzer.hooks=true",
                "-Djazzer.internal.arg.0=fuzz",
                "-Djazzer.internal.arg.1=-max_total_time=" + seconds,
                "-Djazzer.internal.arg.2=-timeout=10",
                "-cp", System.getProperty("java.class.path"),
                FuzzTestMain.class.getName(), WireDecodersFuzzer.class.getName()))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("JAZZER_FUZZ", "1");

        Process fuzzing = builder.start();
        try {
            boolean ended = fuzzing.waitFor(seconds + LEEWAY_SECONDS, TimeUnit.SECONDS);
            String report = Files.readString(output);
            assertThat(ended).as("the fuzzing JVM ended within %d s of its %d s; its output so far:%n%s",
                    LEEWAY_SECONDS, seconds, tail(report)).isTrue();
            assertThat(fuzzing.exitValue()).as("Jazzer's report:%n%s", tail(report)).isZero();
            Matcher done = DONE.matcher(report);
            assertThat(done.find()).as("Jazzer fuzzed (libFuzzer's 'Done … runs' line); its output:%n%s",
                    tail(report)).isTrue();
            assertThat(Long.parseLong(done.group(1))).as("inputs run").isPositive();
            System.out.printf("WireDecodersFuzzer: %s runs in %s s, no finding%n", done.group(1), done.group(2));
        } finally {
            fuzzing.descendants().forEach(ProcessHandle::destroyForcibly);
            fuzzing.destroyForcibly();
        }
    }

    private static String tail(String report) {
        List<String> lines = report.lines().toList();
        return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
