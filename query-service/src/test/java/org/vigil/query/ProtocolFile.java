package org.vigil.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.vigil.core.protocol.ClinicProtocol;

/**
 * A clinic protocol file for a test: the bundled default protocol with some lines changed, e.g. a shorter
 * escalation interval, written where the application reads it with {@code --vigil.protocol-file}.
 */
public final class ProtocolFile {

    private ProtocolFile() {
    }

    /** The bundled default protocol, as its YAML text. */
    public static String defaultProtocol() {
        try (InputStream in = ClinicProtocol.class.getClassLoader()
                .getResourceAsStream(ClinicProtocol.DEFAULT_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the default protocol with each key of {@code changes} replaced by its value to {@code file}; a text
     * to replace that the default protocol does not hold fails the test.
     *
     * @return the command-line property that makes the application use it
     */
    public static String write(Path file, Map<String, String> changes) {
        String text = defaultProtocol();
        for (Map.Entry<String, String> change : changes.entrySet()) {
            if (!text.contains(change.getKey())) {
                throw new IllegalArgumentException("the default clinic protocol has no \"" + change.getKey() + "\"");
            }
            text = text.replace(change.getKey(), change.getValue());
        }
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "--vigil.protocol-file=" + file.toAbsolutePath();
    }
}
