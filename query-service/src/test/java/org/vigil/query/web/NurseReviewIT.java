package org.vigil.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.api.SessionId;
import org.vigil.query.ProtocolFile;
import org.vigil.simulator.MonitorSpec;
import org.vigil.simulator.scenario.Scenarios;

/**
 * A nurse on the review pages, over HTTP: with the clinic protocol's {@code nurseReview.ownChairs} on, the nurse
 * assigned to chair 1 reads chair 1's session (the page and its data) and is refused chair 2's with 403; with the
 * setting off, as it is by default, the nurse is refused both. A director reads every session either way.
 */
class NurseReviewIT {

    private static final MonitorSpec CHAIR_1 = MonitorSpec.numbered(1, Scenarios.NORMAL, 81);
    private static final MonitorSpec CHAIR_2 = MonitorSpec.numbered(2, Scenarios.NORMAL, 82);

    @TempDir
    Path data;

    @Test
    void aNurseReadsTheSessionsOfTheirOwnChairsOnlyWhenTheProtocolAllows() {
        // given the protocol lets nurses review their own chairs, and the nurse has chair 1
        String protocol = ProtocolFile.write(data.resolve("clinic-protocol.yml"),
                Map.of("# nurseReview:\n#   ownChairs: true", "nurseReview:\n  ownChairs: true"));
        try (RunningStation vigil = station(data, protocol)) {
            SessionId own = vigil.startSession(CHAIR_1, 126, 80);
            SessionId other = vigil.startSession(CHAIR_2, 124, 78);

            // then the nurse reads the session of chair 1, page and data
            assertThat(status(vigil, "/api/sessions/" + own.value() + "/review", "nurse")).isEqualTo(200);
            assertThat(vigil.send("/review/" + own.value(), RunningStation.basic("nurse")).body())
                    .contains("session review");
            assertThat(status(vigil, "/review/" + own.value(), "nurse")).isEqualTo(200);

            // and is refused the session of chair 2, and the list of all sessions
            assertThat(status(vigil, "/api/sessions/" + other.value() + "/review", "nurse")).isEqualTo(403);
            assertThat(status(vigil, "/review/" + other.value(), "nurse")).isEqualTo(403);
            assertThat(status(vigil, "/api/review/sessions", "nurse")).isEqualTo(403);
            assertThat(status(vigil, "/api/sessions/no-such-session/review", "nurse")).isEqualTo(403);

            // and the director reads both
            assertThat(status(vigil, "/api/sessions/" + own.value() + "/review", "director")).isEqualTo(200);
            assertThat(status(vigil, "/api/sessions/" + other.value() + "/review", "director")).isEqualTo(200);
        }
    }

    @Test
    void byDefaultANurseReadsNoSessionOnTheReviewPages() {
        // given the default protocol, and the nurse still has chair 1
        try (RunningStation vigil = station(data, null)) {
            SessionId own = vigil.startSession(CHAIR_1, 126, 80);

            // then the nurse is refused even the session of chair 1; the director is not
            assertThat(status(vigil, "/api/sessions/" + own.value() + "/review", "nurse")).isEqualTo(403);
            assertThat(status(vigil, "/review/" + own.value(), "nurse")).isEqualTo(403);
            assertThat(status(vigil, "/api/sessions/" + own.value() + "/review", "director")).isEqualTo(200);
        }
    }

    private static RunningStation station(Path data, String protocol) {
        List<String> properties = new ArrayList<>(List.of("--vigil.users[0].chairs[0]=chair-1"));
        if (protocol != null) {
            properties.add(protocol);
        }
        return RunningStation.start(data, 2, null, properties);
    }

    private static int status(RunningStation vigil, String path, String user) {
        return vigil.send(path, RunningStation.basic(user)).statusCode();
    }
}
