package org.vigil.query.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One golden fixture of {@code src/test/resources/events/}: a stored event of one type at one revision.
 *
 * @param type     the record's simple name in {@code org.vigil.core.api}
 * @param revision the revision it was stored at
 */
record EventFixture(String type, int revision, Path file) {

    private static final Pattern NAME = Pattern.compile("([A-Za-z]+)-([1-9][0-9]*)\\.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every fixture, by name. */
    static List<EventFixture> all() {
        try (Stream<Path> files = Files.list(directory())) {
            return files.filter(file -> file.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .map(EventFixture::of)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EventFixture of(Path file) {
        Matcher name = NAME.matcher(file.getFileName().toString());
        if (!name.matches()) {
            throw new IllegalStateException(file.getFileName() + " is not named <EventType>-<revision>.json");
        }
        return new EventFixture(name.group(1), Integer.parseInt(name.group(2)), file);
    }

    private static Path directory() {
        URL readme = EventFixture.class.getResource("/events/README.md");
        if (readme == null) {
            throw new IllegalStateException("the fixtures folder events/ is not on the test classpath");
        }
        try {
            return Path.of(readme.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code <EventType>-<revision>}, as in {@link StoredEventExamples}. */
    String name() {
        return type + "-" + revision;
    }

    String payloadType() {
        return "org.vigil.core.api." + type;
    }

    JsonNode json() {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
