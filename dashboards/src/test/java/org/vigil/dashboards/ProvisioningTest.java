package org.vigil.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The provisioning files Grafana reads at start-up, and the dashboards' references into them. */
class ProvisioningTest {

    @Test
    void theDatasourceIsAnInfluxDbQueriedWithInfluxQlWithAFixedUid() {
        // when
        List<Map<String, Object>> datasources = GrafanaFiles.yamlEntries("datasources", "datasources");

        // then
        assertThat(datasources).singleElement().satisfies(ds -> {
            assertThat(ds).containsEntry("uid", "vigil-influxdb").containsEntry("type", "influxdb")
                    .containsEntry("access", "proxy").containsEntry("url", "${VIGIL_INFLUX_URL}");
            assertThat(map(ds.get("jsonData"))).containsEntry("version", "InfluxQL")
                    .containsEntry("dbName", "${VIGIL_INFLUX_DATABASE}");
        });
    }

    @Test
    void everyDatasourceReferenceInEveryDashboardResolvesToAProvisionedDatasource() {
        // given
        Set<String> provisioned = GrafanaFiles.yamlEntries("datasources", "datasources").stream()
                .map(ds -> ds.get("type") + "/" + ds.get("uid")).collect(Collectors.toSet());
        List<String> unresolved = new ArrayList<>();
        int references = 0;

        // when
        for (Path file : GrafanaFiles.dashboardFiles()) {
            for (Map.Entry<String, JsonNode> reference
                    : GrafanaFiles.datasourceReferences(GrafanaFiles.json(file), "")) {
                references++;
                JsonNode ref = reference.getValue();
                String key = ref.path("type").asText() + "/" + ref.path("uid").asText();
                if (!ref.isObject() || !provisioned.contains(key)) {
                    unresolved.add(file.getFileName() + reference.getKey() + " → " + ref);
                }
            }
        }

        // then
        assertThat(references).isGreaterThan(50);
        assertThat(unresolved).isEmpty();
    }

    @Test
    void everyPanelHasARawInfluxQlQueryForEachOfItsUniquelyNamedTargets() {
        for (Path file : GrafanaFiles.dashboardFiles()) {
            for (JsonNode panel : GrafanaFiles.json(file).path("panels")) {
                String where = file.getFileName() + " panel " + panel.path("title").asText();
                assertThat(panel.path("targets")).as(where).isNotEmpty();
                Set<String> refIds = new HashSet<>();
                for (JsonNode target : panel.path("targets")) {
                    assertThat(refIds.add(target.path("refId").asText())).as(where + " refId unique").isTrue();
                    assertThat(target.path("rawQuery").asBoolean()).as(where).isTrue();
                    assertThat(target.path("query").asText()).as(where).startsWith("SELECT ");
                }
            }
        }
    }

    @Test
    void dashboardUidsAreUniqueAndPanelsDoNotOverlap() {
        Set<String> uids = new HashSet<>();
        for (Path file : GrafanaFiles.dashboardFiles()) {
            JsonNode dashboard = GrafanaFiles.json(file);
            assertThat(uids.add(dashboard.path("uid").asText())).as(file + " uid").isTrue();
            List<int[]> boxes = new ArrayList<>();
            for (JsonNode panel : dashboard.path("panels")) {
                JsonNode g = panel.path("gridPos");
                int[] box = {g.path("x").asInt(), g.path("y").asInt(), g.path("w").asInt(), g.path("h").asInt()};
                assertThat(box[0] + box[2]).as(file + " " + panel.path("title").asText()).isLessThanOrEqualTo(24);
                for (int[] other : boxes) {
                    boolean overlap = box[0] < other[0] + other[2] && other[0] < box[0] + box[2]
                            && box[1] < other[1] + other[3] && other[1] < box[1] + box[3];
                    assertThat(overlap).as(file + " " + panel.path("title").asText() + " overlaps").isFalse();
                }
                boxes.add(box);
            }
        }
    }

    @Test
    void theDashboardProviderLoadsTheDashboardsFolderFromAFileProvider() {
        // when
        List<Map<String, Object>> providers = GrafanaFiles.yamlEntries("dashboards", "providers");

        // then
        assertThat(providers).singleElement().satisfies(provider -> {
            assertThat(provider).containsEntry("type", "file").containsEntry("folder", "Vigil");
            assertThat(map(provider.get("options"))).containsEntry("path", "${VIGIL_DASHBOARDS_PATH}");
        });
        assertThat(GrafanaFiles.dashboardsFolder().resolve("clinic-overview.json")).exists();
    }

    @Test
    void sessionDashboardsOfferTheChairAndSessionVariablesTheirQueriesUse() {
        for (String name : List.of("chair-session.json", "review.json")) {
            JsonNode dashboard = GrafanaFiles.json(GrafanaFiles.dashboardsFolder().resolve(name));
            List<String> variables = new ArrayList<>();
            dashboard.path("templating").path("list").forEach(v -> variables.add(v.path("name").asText()));
            assertThat(variables).as(name).containsExactly("chair", "session");
            dashboard.path("panels").forEach(panel -> panel.path("targets").forEach(target ->
                    assertThat(target.path("query").asText()).as(name + " " + panel.path("title").asText())
                            .contains("\"session\" = '$session'")));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object yaml) {
        return (Map<String, Object>) yaml;
    }
}
