package org.vigil.core.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * One mapping of the protocol file, read key by key. Every wrong or missing value is noted with its full key
 * path instead of failing at the first one, so a clinic fixes its file in one pass. Each mapping is read through
 * {@link #section(String, Function)}, which reports the keys its reader did not read as unknown once it is done:
 * that catches misspelt thresholds that would otherwise silently keep a default.
 */
final class YamlSection {

    private final JsonNode node;
    private final String path;
    private final List<String> problems;
    private final Set<String> read = new HashSet<>();

    private YamlSection(JsonNode node, String path, List<String> problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    /**
     * Reads the whole file with {@code reader}, then reports its unknown top-level keys.
     *
     * @param problems where every problem found is added, with its key path
     */
    static <T> T read(JsonNode node, List<String> problems, Function<YamlSection, T> reader) {
        return new YamlSection(node, "", problems).finish(reader);
    }

    /**
     * Reads the mapping under {@code key} with {@code reader}, then reports the keys of that mapping the reader did
     * not read. A missing mapping, or a value that is no mapping, is noted, and {@code reader} is given an absent
     * section, whose own problems are not reported.
     */
    <T> T section(String key, Function<YamlSection, T> reader) {
        return child(key).finish(reader);
    }

    /**
     * Like {@link #section(String, Function)}, but a missing mapping is no problem: it gives {@code absent}, the
     * value of a feature the clinic did not turn on.
     */
    <T> T optionalSection(String key, Function<YamlSection, T> reader, T absent) {
        if (node == null || !node.has(key)) {
            read.add(key);
            return absent;
        }
        return section(key, reader);
    }

    /** A list of texts; each entry that is no text is noted. Empty when missing or wrong. */
    List<String> textList(String key) {
        JsonNode value = take(key);
        List<String> texts = new ArrayList<>();
        if (value == null) {
            return texts;
        }
        if (!value.isArray()) {
            problem(key, "must be a list, got " + describe(value));
            return texts;
        }
        for (JsonNode entry : value) {
            if (entry.isTextual() && !entry.asText().isBlank()) {
                texts.add(entry.asText());
            } else {
                problem(key, "must hold only names, got " + describe(entry));
            }
        }
        return texts;
    }

    private YamlSection child(String key) {
        JsonNode child = take(key);
        if (child == null) {
            return absent(key);
        }
        if (!child.isObject()) {
            problem(key, "must be a mapping of keys, got " + describe(child));
            return absent(key);
        }
        return new YamlSection(child, pathOf(key), problems);
    }

    private <T> T finish(Function<YamlSection, T> reader) {
        T value = reader.apply(this);
        rejectUnknownKeys();
        return value;
    }

    /** The keys of this mapping, in file order; each counts as read. Empty when the mapping is absent. */
    List<String> keys() {
        List<String> keys = new ArrayList<>();
        if (node != null) {
            node.fieldNames().forEachRemaining(keys::add);
        }
        read.addAll(keys);
        return keys;
    }

    /** Notes a problem with this mapping as a whole. */
    void problem(String what) {
        problems.add(path + ": " + what);
    }

    /** Whether the mapping was found and is a mapping; problems were noted otherwise. */
    boolean present() {
        return node != null;
    }

    String text(String key) {
        JsonNode value = take(key);
        if (value == null) {
            return "";
        }
        if (!value.isTextual()) {
            problem(key, "must be text (in quotes), got " + describe(value));
            return "";
        }
        if (value.asText().isBlank()) {
            problem(key, "must not be blank");
        }
        return value.asText();
    }

    double number(String key) {
        JsonNode value = take(key);
        if (value == null) {
            return Double.NaN;
        }
        if (!value.isNumber()) {
            problem(key, "must be a number, got " + describe(value));
            return Double.NaN;
        }
        if (value.asDouble() < 0) {
            problem(key, "must not be negative, got " + value.asText());
        }
        return value.asDouble();
    }

    int wholeNumber(String key) {
        JsonNode value = take(key);
        if (value == null) {
            return 0;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            problem(key, "must be a whole number, got " + describe(value));
            return 0;
        }
        if (value.asInt() < 0) {
            problem(key, "must not be negative, got " + value.asText());
        }
        return value.asInt();
    }

    /** A yes-or-no setting: {@code true} or {@code false}, nothing else. */
    boolean flag(String key) {
        JsonNode value = take(key);
        if (value == null) {
            return false;
        }
        if (!value.isBoolean()) {
            problem(key, "must be true or false, got " + describe(value));
            return false;
        }
        return value.asBoolean();
    }

    Duration seconds(String key) {
        return Duration.ofSeconds(wholeNumber(key));
    }

    /** A time that must not be zero, for example a timeout; a missing or wrong value is reported once. */
    Duration positiveSeconds(String key) {
        int problemsBefore = problems.size();
        Duration value = seconds(key);
        if (value.isZero() && problems.size() == problemsBefore) {
            problem(key, "must be at least 1 second, got 0");
        }
        return value;
    }

    Duration minutes(String key) {
        return Duration.ofMinutes(wholeNumber(key));
    }

    /** A time in minutes that must not be zero; a missing or wrong value is reported once. */
    Duration positiveMinutes(String key) {
        int problemsBefore = problems.size();
        Duration value = minutes(key);
        if (value.isZero() && problems.size() == problemsBefore) {
            problem(key, "must be at least 1 minute, got 0");
        }
        return value;
    }

    /** Notes a problem with a value already read, for rules that relate two keys. */
    void problem(String key, String what) {
        problems.add(pathOf(key) + ": " + what);
    }

    /** Reports every key of this mapping that no one read: misspelt keys would otherwise keep no value. */
    private void rejectUnknownKeys() {
        if (node == null) {
            return;
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!read.contains(name)) {
                problem(name, "unknown key");
            }
        }
    }

    private JsonNode take(String key) {
        read.add(key);
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(key);
        if (value == null || value.isMissingNode()) {
            problem(key, "is missing");
            return null;
        }
        if (value.isNull()) {
            problem(key, "must have a value, got nothing");
            return null;
        }
        return value;
    }

    private YamlSection absent(String key) {
        return new YamlSection(null, pathOf(key), new ArrayList<>());
    }

    private String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String describe(JsonNode value) {
        if (value.isTextual()) {
            return "\"" + value.asText() + "\"";
        }
        if (value.isObject()) {
            return "a mapping";
        }
        if (value.isArray()) {
            return "a list";
        }
        if (value.isNumber()) {
            return "number " + value.asText();
        }
        return value.asText();
    }
}
