package org.vigil.query.influx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One InfluxQL query of a shipped Grafana dashboard: a panel's target, an annotation's or a variable's query,
 * named {@code <dashboard uid>/<panel title, annotation or variable name>/<refId>}.
 */
record DashboardQuery(String dashboard, String kind, String name, String refId, String query) {

    static final String PANEL = "panel";
    static final String ANNOTATION = "annotation";
    static final String VARIABLE = "variable";

    private static final Pattern UNSUBSTITUTED = Pattern.compile("\\$[A-Za-z_]");

    String key() {
        return dashboard + "/" + name + "/" + refId;
    }

    /** The query as Grafana sends it, with the dashboard's variables and Grafana's macros replaced. */
    String substituted(Map<String, String> variables) {
        String text = query;
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            text = text.replace("$" + variable.getKey(), variable.getValue());
        }
        if (UNSUBSTITUTED.matcher(text).find()) {
            throw new IllegalStateException("unsubstituted variable in " + key() + ": " + text);
        }
        return text;
    }

    /** The dashboards folder of the dashboards module, which the build passes in. */
    static Path dashboardsFolder() {
        String folder = System.getProperty("vigil.dashboards.dir");
        if (folder == null) {
            throw new IllegalStateException("system property vigil.dashboards.dir is not set (the build sets it to"
                    + " the dashboards module's dashboards folder)");
        }
        return Path.of(folder);
    }

    static List<DashboardQuery> all() {
        List<DashboardQuery> queries = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(dashboardsFolder())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode dashboard = json.readTree(file.toFile());
                String uid = dashboard.path("uid").asText();
                for (JsonNode panel : dashboard.path("panels")) {
                    for (JsonNode target : panel.path("targets")) {
                        queries.add(new DashboardQuery(uid, PANEL, panel.path("title").asText(),
                                target.path("refId").asText(), target.path("query").asText()));
                    }
                }
                for (JsonNode annotation : dashboard.path("annotations").path("list")) {
                    queries.add(new DashboardQuery(uid, ANNOTATION, annotation.path("name").asText(),
                            annotation.path("target").path("refId").asText(),
                            annotation.path("target").path("query").asText()));
                }
                for (JsonNode variable : dashboard.path("templating").path("list")) {
                    queries.add(new DashboardQuery(uid, VARIABLE, variable.path("name").asText(), "query",
                            variable.path("query").asText()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return queries;
    }
}
