package org.vigil.query.bench;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.HdrHistogram.Histogram;
import org.vigil.simulator.MonitorSpec;
import org.vigil.simulator.hl7.Pcd01Encoder;
import org.vigil.simulator.load.RoundTrip;
import org.vigil.simulator.load.RoundTripConnection;
import org.vigil.simulator.patient.Measurement;
import org.vigil.simulator.patient.VitalSign;
import org.vigil.simulator.scenario.Scenarios;

/**
 * Times the path a nurse waits on: from the first byte of a PCD-01 message with a systolic pressure of 186 mmHg
 * (above the severe-hypertension limit of 180, which sounds without delay; clinic-protocol.yml) written to the
 * MLLP socket, to the {@code alarm} event for that chair read from {@code /api/stream}. Each probe uses its own
 * device and chair with a fresh session, so each one raises a new alarm.
 */
final class AlarmProbe {

    static final String RULE = "severe-hypertension";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final String host;
    private final int mllpPort;
    private final LiveAlarms screen;
    private final Histogram alarmLatencies = new Histogram(3);
    private final Histogram ackLatencies = new Histogram(3);
    private int missed;

    AlarmProbe(String host, int mllpPort, LiveAlarms screen) {
        this.host = host;
        this.mllpPort = mllpPort;
        this.screen = screen;
    }

    /** Sends one hypertensive reading as {@code device}, bound to {@code chair}, and waits for its alarm. */
    void probe(String device, String chair) throws IOException, InterruptedException {
        String controlId = "probe-" + device;
        String message = Pcd01Encoder.encode(new MonitorSpec(device, chair, Scenarios.NORMAL, 0).identity(),
                controlId, Clock.systemUTC().instant(), List.of(
                        new Measurement(VitalSign.NIBP_SYSTOLIC, 186),
                        new Measurement(VitalSign.NIBP_DIASTOLIC, 100),
                        new Measurement(VitalSign.NIBP_MEAN, 129),
                        new Measurement(VitalSign.HEART_RATE, 84)));
        try (RoundTripConnection connection = RoundTripConnection.open(host, mllpPort, Duration.ofSeconds(2), WAIT)) {
            RoundTrip trip = connection.send(controlId, message);
            if (!trip.timedOut()) {
                ackLatencies.recordValue(trip.latencyNanos());
            }
            long shownAt = screen.arrivalOf(chair, RULE).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            alarmLatencies.recordValue(shownAt - trip.writtenAtNanos());
        } catch (TimeoutException | ExecutionException e) {
            missed++;
        }
    }

    AlarmLatencies result(String label) {
        return new AlarmLatencies(label, alarmLatencies.copy(), ackLatencies.copy(), missed);
    }
}
