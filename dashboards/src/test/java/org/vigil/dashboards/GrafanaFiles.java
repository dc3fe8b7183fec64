package org.vigil.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/** The files this module ships for Grafana, read as Grafana reads them. */
final class GrafanaFiles {

    static final ObjectMapper JSON = new ObjectMapper();

    private GrafanaFiles() {
    }

    static Path module() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    }

    static Path dashboardsFolder() {
        return module().resolve("dashboards");
    }

    static List<Path> dashboardFiles() {
        try (Stream<Path> files = Files.list(dashboardsFolder())) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static JsonNode resource(String name) {
        try (InputStream in = GrafanaFiles.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Map<String, Object>> yamlEntries(String folder, String listKey) {
        List<Map<String, Object>> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(module().resolve("provisioning").resolve(folder))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                Map<String, Object> document = new Yaml().load(Files.readString(file));
                if (!Integer.valueOf(1).equals(document.get("apiVersion"))) {
                    throw new IllegalStateException(file + ": apiVersion must be 1");
                }
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> list = (List<Map<String, Object>>) document.get(listKey);
                entries.addAll(list);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** Every {@code datasource} object anywhere in a dashboard, with the JSON pointer where it is. */
    static List<Map.Entry<String, JsonNode>> datasourceReferences(JsonNode node, String path) {
        List<Map.Entry<String, JsonNode>> references = new ArrayList<>();
        if (node.isObject()) {
            node.properties().forEach(field -> {
                String fieldPath = path + "/" + field.getKey();
                if (field.getKey().equals("datasource")) {
                    references.add(Map.entry(fieldPath, field.getValue()));
                }
                references.addAll(datasourceReferences(field.getValue(), fieldPath));
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                references.addAll(datasourceReferences(node.get(i), path + "/" + i));
            }
        }
        return references;
    }
}
