package org.vigil.query.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A patient booked for today without a chair, through the REST API of the running application: the booking is
 * listed for the day, seated by a nurse at a free chair (which books the session there, waiting for check-in), and
 * seated once — a second nurse seating it too is refused with who seated it where, and a booking cannot be seated at
 * a chair that is taken.
 */
class DayBookingsIT {

    @TempDir
    Path data;

    @Test
    void aBookingForTodayIsSeatedAtAFreeChairOnce() {
        try (WorkflowApplication app = WorkflowApplication.start(data)) {
            // given a patient booked for today, with no chair
            JsonNode booking = app.post("/api/bookings", "nurse",
                    "{\"patientPseudonym\":\"P-0042\",\"weightKg\":71.8,\"ageYears\":34,\"treatment\":\"ESKETAMINE\"}");
            String day = booking.path("day").asText();
            String seat = "/api/bookings/" + day + "/" + booking.path("bookingId").asText() + "/seat";
            JsonNode today = app.get("/api/bookings", "nurse");
            assertThat(today).hasSize(1);
            assertThat(today.get(0).path("patientPseudonym").asText()).isEqualTo("P-0042");
            assertThat(today.get(0).path("bookedBy").asText()).isEqualTo("nurse");
            assertThat(today.get(0).path("chairId").isNull()).as("no chair yet").isTrue();
            assertThat(chair(app, "chair-2").path("session").isNull()).isTrue();

            // when the nurse seats it at chair 2
            JsonNode session = app.post(seat, "nurse", "{\"chairId\":\"chair-2\"}");

            // then the session is booked there with the booking's data, waiting for check-in
            assertThat(session.path("state").asText()).isEqualTo("SCHEDULED");
            JsonNode chair2 = chair(app, "chair-2");
            assertThat(chair2.path("session").path("sessionId").asText()).isEqualTo(session.path("sessionId").asText());
            assertThat(chair2.path("session").path("patientPseudonym").asText()).isEqualTo("P-0042");
            assertThat(chair2.path("session").path("treatment").asText()).isEqualTo("ESKETAMINE");
            JsonNode seated = app.get("/api/bookings?day=" + day, "nurse").get(0);
            assertThat(seated.path("chairId").asText()).isEqualTo("chair-2");
            assertThat(seated.path("sessionId").asText()).isEqualTo(session.path("sessionId").asText());
            assertThat(seated.path("seatedBy").asText()).isEqualTo("nurse");

            // when another user seats the same booking at chair 3
            HttpResponse<String> again = app.send("POST", seat, "director", "{\"chairId\":\"chair-3\"}");

            // then it is refused with the reason, and chair 3 stays free
            assertThat(again.statusCode()).isEqualTo(409);
            assertThat(again.body()).contains("already seated at chair-2 by nurse");
            assertThat(chair(app, "chair-3").path("session").isNull()).isTrue();

            // when a second booking is seated at the taken chair 2
            JsonNode other = app.post("/api/bookings", "nurse",
                    "{\"patientPseudonym\":\"P-0043\",\"weightKg\":80,\"ageYears\":50,\"treatment\":\"IV_KETAMINE\"}");
            HttpResponse<String> taken = app.send("POST", "/api/bookings/" + day + "/"
                    + other.path("bookingId").asText() + "/seat", "nurse", "{\"chairId\":\"chair-2\"}");

            // then it is refused and stays waiting for a chair
            assertThat(taken.statusCode()).isEqualTo(409);
            assertThat(taken.body()).contains("chair chair-2 is taken");
            assertThat(app.get("/api/bookings", "nurse").get(1).path("chairId").isNull()).isTrue();
        }
    }

    private static JsonNode chair(WorkflowApplication app, String chair) {
        return StreamSupport.stream(app.get("/api/chairs", "nurse").spliterator(), false)
                .filter(c -> c.path("chairId").asText().equals(chair))
                .findFirst()
                .orElseThrow();
    }
}
