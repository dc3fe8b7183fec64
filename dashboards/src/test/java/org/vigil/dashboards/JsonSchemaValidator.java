package org.vigil.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates JSON against a JSON Schema (draft 07) that uses the keywords Grafana's generated dashboard schema
 * uses: {@code $ref} to local definitions, {@code type}, {@code properties}, {@code required},
 * {@code additionalProperties}, {@code items}, {@code anyOf}, {@code enum} and {@code const}. A schema with any
 * other constraint keyword is refused rather than half-checked, so a passing validation always means the whole
 * schema was applied.
 */
final class JsonSchemaValidator {

    private static final Set<String> ANNOTATIONS = Set.of("description", "$schema", "$comment", "definitions",
            "title", "default", "examples");
    private static final Set<String> CONSTRAINTS = Set.of("$ref", "type", "properties", "required",
            "additionalProperties", "items", "anyOf", "enum", "const");

    private final JsonNode root;

    JsonSchemaValidator(JsonNode schema) {
        this.root = schema;
    }

    /** Every violation, each as {@code /json/pointer: what is wrong}; empty when the document is valid. */
    List<String> validate(JsonNode document) {
        List<String> errors = new ArrayList<>();
        check(root, document, "", errors);
        return errors;
    }

    private void check(JsonNode schema, JsonNode value, String path, List<String> errors) {
        if (schema.isBoolean()) {
            if (!schema.asBoolean()) {
                errors.add(path + ": not allowed here");
            }
            return;
        }
        for (Iterator<String> keys = schema.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!ANNOTATIONS.contains(key) && !CONSTRAINTS.contains(key)) {
                throw new IllegalArgumentException("schema keyword not supported: " + key + " at " + path);
            }
        }
        if (schema.has("$ref")) {
            check(resolve(schema.get("$ref").asText()), value, path, errors);
        }
        if (schema.has("type") && !hasType(schema.get("type"), value)) {
            errors.add(path + ": expected " + schema.get("type") + " but was " + value.getNodeType());
            return;
        }
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            errors.add(path + ": " + value + " is not one of " + schema.get("enum"));
        }
        if (schema.has("const") && !equal(schema.get("const"), value)) {
            errors.add(path + ": expected " + schema.get("const") + " but was " + value);
        }
        if (schema.has("anyOf")) {
            List<String> closest = null;
            for (JsonNode option : schema.get("anyOf")) {
                List<String> optionErrors = new ArrayList<>();
                check(option, value, path, optionErrors);
                if (closest == null || optionErrors.size() < closest.size()) {
                    closest = optionErrors;
                }
            }
            if (closest != null && !closest.isEmpty()) {
                errors.add(path + ": matches none of " + schema.get("anyOf").size() + " alternatives; closest:");
                errors.addAll(closest);
            }
        }
        if (value.isObject()) {
            checkObject(schema, value, path, errors);
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(schema.get("items"), value.get(i), path + "/" + i, errors);
            }
        }
    }

    private void checkObject(JsonNode schema, JsonNode value, String path, List<String> errors) {
        JsonNode properties = schema.path("properties");
        if (schema.has("required")) {
            for (JsonNode required : schema.get("required")) {
                if (!value.has(required.asText())) {
                    errors.add(path + ": missing required property " + required.asText());
                }
            }
        }
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            String fieldPath = path + "/" + field.getKey();
            if (properties.has(field.getKey())) {
                check(properties.get(field.getKey()), field.getValue(), fieldPath, errors);
            } else if (schema.has("additionalProperties")) {
                check(schema.get("additionalProperties"), field.getValue(), fieldPath, errors);
            }
        }
    }

    private JsonNode resolve(String ref) {
        if (!ref.startsWith("#/")) {
            throw new IllegalArgumentException("only local references are supported: " + ref);
        }
        JsonNode target = root.at(ref.substring(1));
        if (target.isMissingNode()) {
            throw new IllegalArgumentException("unresolved reference " + ref);
        }
        return target;
    }

    private static boolean hasType(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode option : type) {
                if (hasType(option, value)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "number" -> value.isNumber();
            case "integer" -> value.isIntegralNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> throw new IllegalArgumentException("unknown type " + type);
        };
    }

    private static boolean contains(JsonNode options, JsonNode value) {
        for (JsonNode option : options) {
            if (equal(option, value)) {
                return true;
            }
        }
        return false;
    }

    /** JSON equality, with 1 and 1.0 the same number as JSON Schema requires. */
    private static boolean equal(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }
}
