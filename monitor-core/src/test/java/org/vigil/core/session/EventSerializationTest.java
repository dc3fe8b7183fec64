package org.vigil.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.core.session.SessionTestData.CHAIR;
import static org.vigil.core.session.SessionTestData.HIGH_ALARM;
import static org.vigil.core.session.SessionTestData.SESSION;
import static org.vigil.core.session.SessionTestData.T0;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigil.core.api.AlarmAcknowledgedEvent;
import org.vigil.core.api.AlarmClearedEvent;
import org.vigil.core.api.AlarmConditionEndedEvent;
import org.vigil.core.api.DeviceConnectedEvent;
import org.vigil.core.api.DeviceDisconnectedEvent;
import org.vigil.core.api.DeviceObservations;
import org.vigil.core.api.DeviceRecoveredEvent;
import org.vigil.core.api.DeviceSilentEvent;
import org.vigil.core.api.MessageKey;
import org.vigil.core.api.Observation;
import org.vigil.core.api.ObservationsRecordedEvent;
import org.vigil.core.api.SessionEndedEvent;
import org.vigil.core.api.Vital;
import org.vigil.core.testing.JacksonTestSerializer;

/** Every event the session and device store survives Axon's Jackson serializer unchanged (XStream cannot read records). */
class EventSerializationTest {

    static Stream<Object> storedEvents() {
        DeviceObservations message = new DeviceObservations(SessionTestData.MONITOR, new MessageKey("GW", "1"), null,
                T0, List.of(Observation.of(Vital.SPO2, 97, T0), Observation.notAvailable(Vital.PULSE_RATE, T0)));
        return Stream.of(
                SessionTestData.started(),
                SessionTestData.recorded(message),
                new ObservationsRecordedEvent(null, null, message.deviceId(), message.messageKey(), null, T0,
                        message.observations()),
                SessionTestData.highRaised(),
                new AlarmConditionEndedEvent(HIGH_ALARM, SESSION, CHAIR, T0),
                new AlarmAcknowledgedEvent(HIGH_ALARM, SESSION, CHAIR, "nurse", T0),
                new AlarmClearedEvent(HIGH_ALARM, SESSION, CHAIR, T0),
                new SessionEndedEvent(SESSION, CHAIR, "discharged", T0),
                new DeviceConnectedEvent(SessionTestData.MONITOR, CHAIR, "serial /dev/ttyUSB0", T0),
                new DeviceDisconnectedEvent(SessionTestData.MONITOR, null, "end of stream", T0),
                new DeviceSilentEvent(SessionTestData.MONITOR, CHAIR, Duration.ofMillis(10_500), T0.minusSeconds(11),
                        T0),
                new DeviceSilentEvent(SessionTestData.MONITOR, CHAIR, Duration.ofSeconds(10), null, T0),
                new DeviceRecoveredEvent(SessionTestData.MONITOR, CHAIR, T0.minusSeconds(11), T0));
    }

    @ParameterizedTest
    @MethodSource("storedEvents")
    void survivesTheJacksonSerializer(Object event) {
        // when
        Object restored = JacksonTestSerializer.fromJson(JacksonTestSerializer.toJson(event), event.getClass());

        // then
        assertThat(restored).isEqualTo(event);
    }
}
