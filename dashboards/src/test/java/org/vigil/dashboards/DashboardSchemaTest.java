package org.vigil.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every dashboard validates against Grafana's dashboard JSON schema: the schema of the {@code @grafana/schema}
 * npm package, converted to JSON Schema (see {@code src/test/resources/grafana/generate-dashboard-schema.sh}).
 */
class DashboardSchemaTest {

    private static final JsonSchemaValidator GRAFANA = new JsonSchemaValidator(
            GrafanaFiles.resource("/grafana/dashboard.schema.json"));

    static Stream<Path> dashboards() {
        return GrafanaFiles.dashboardFiles().stream();
    }

    @Test
    void theFourDashboardsAreShipped() {
        assertThat(GrafanaFiles.dashboardFiles()).extracting(p -> GrafanaFiles.json(p).path("title").asText())
                .containsExactlyInAnyOrder("Vigil — Clinic overview", "Vigil — Chair / session",
                        "Vigil — Session review", "Vigil — Engineering");
    }

    @ParameterizedTest
    @MethodSource("dashboards")
    void validatesAgainstGrafanasDashboardSchema(Path dashboard) {
        // given
        JsonNode json = GrafanaFiles.json(dashboard);

        // when
        List<String> errors = GRAFANA.validate(json);

        // then
        assertThat(errors).as(dashboard.getFileName().toString()).isEmpty();
    }

    @Test
    void theSchemaRejectsAPanelPropertyGrafanaDoesNotKnow() {
        // given
        ObjectNode dashboard = (ObjectNode) GrafanaFiles.json(GrafanaFiles.dashboardFiles().get(0));
        ((ObjectNode) dashboard.withArray("panels").get(0)).put("titel", "typo");

        // when
        List<String> errors = GRAFANA.validate(dashboard);

        // then
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("/panels/0/titel"));
    }

    @Test
    void theSchemaRejectsAWrongTypeAnUnknownEnumValueAndAMissingRequiredProperty() {
        // given
        ObjectNode dashboard = (ObjectNode) GrafanaFiles.json(GrafanaFiles.dashboardFiles().get(0));
        dashboard.put("refresh", 10);
        dashboard.put("graphTooltip", 7);
        ((ObjectNode) dashboard.withArray("panels").get(0).get("gridPos")).remove("w");

        // when
        List<String> errors = GRAFANA.validate(dashboard);

        // then
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("/refresh: expected"))
                .anySatisfy(e -> assertThat(e).startsWith("/graphTooltip"))
                .anySatisfy(e -> assertThat(e).contains("/panels/0/gridPos: missing required property w"));
    }
}
