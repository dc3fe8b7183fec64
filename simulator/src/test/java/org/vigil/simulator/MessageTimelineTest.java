package org.vigil.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.simulator.scenario.Scenarios;
import org.vigil.simulator.testsupport.Hl7Text;

class MessageTimelineTest {

    private static final Instant START = Instant.parse("2024-03-01T09:00:00Z");
    private static final int SYSTOLIC = 150021;
    private static final int HEART_RATE = 147842;
    private static final int SPO2 = 150456;
    private static final int PULSE_RATE = 149530;
    private static final int RESPIRATORY_RATE = 151562;

    @Test
    void severeHypertensionSendsASystolicAboveOneHundredEightyWithinTheFirstMinute() {
        for (long seed = 1; seed <= 50; seed++) {
            // given
            MessageTimeline timeline = new MessageTimeline(
                    MonitorSpec.numbered(1, Scenarios.SEVERE_HYPERTENSION, seed), START);

            // when
            List<TimedMessage> firstMinute = until(timeline, Duration.ofSeconds(60));

            // then
            List<String> alarming = firstMinute.stream()
                    .map(TimedMessage::text)
                    .filter(text -> Hl7Text.value(text, SYSTOLIC) != null && Hl7Text.value(text, SYSTOLIC) > 180)
                    .toList();
            assertThat(alarming).hasSize(2);
            assertThat(alarming).allSatisfy(text -> assertThat(Instant.parse(isoOf(Hl7Text.field(text, "OBR", 7))))
                    .isBeforeOrEqualTo(START.plusSeconds(60)));
        }
    }

    @Test
    void sendsCuffReadingsInMessagesOfTheirOwnOnTheDefaultCadence() {
        // given
        MessageTimeline timeline = new MessageTimeline(MonitorSpec.numbered(2, Scenarios.NORMAL, 9), START);

        // when
        List<TimedMessage> twoHours = until(timeline, Duration.ofHours(2));

        // then
        List<TimedMessage> cuff = twoHours.stream().filter(m -> Hl7Text.value(m.text(), SYSTOLIC) != null).toList();
        assertThat(cuff).extracting(m -> m.at().toMinutes()).containsExactly(
                0L, 5L, 10L, 15L, 20L, 25L, 30L, 35L, 40L, 45L, 60L, 75L, 90L, 105L, 120L);
        assertThat(cuff).allSatisfy(m -> assertThat(Hl7Text.value(m.text(), HEART_RATE)).isNull());
        assertThat(cuff).extracting(TimedMessage::cuffReading).containsOnly(true);
    }

    @Test
    void sendsHeartRateSpo2PulseAndRespirationEverySecond() {
        // given
        MessageTimeline timeline = new MessageTimeline(MonitorSpec.numbered(1, Scenarios.NORMAL, 3), START);

        // when
        List<TimedMessage> periodic = until(timeline, Duration.ofSeconds(299)).stream()
                .filter(m -> !m.cuffReading()).toList();

        // then
        assertThat(periodic).hasSize(300);
        for (int second = 0; second < 300; second++) {
            TimedMessage message = periodic.get(second);
            assertThat(message.at()).isEqualTo(Duration.ofSeconds(second));
            assertThat(Hl7Text.field(message.text(), "OBR", 7)).isEqualTo(hl7Time(START.plusSeconds(second)));
            assertThat(List.of(HEART_RATE, SPO2, PULSE_RATE, RESPIRATORY_RATE))
                    .allSatisfy(code -> assertThat(Hl7Text.value(message.text(), code)).isNotNull());
            assertThat(Hl7Text.value(message.text(), SYSTOLIC)).isNull();
        }
    }

    @Test
    void theSameSeedSendsTheSameMessages() {
        // given
        MonitorSpec spec = MonitorSpec.numbered(4, Scenarios.SEVERE_HYPERTENSION, 123);

        // when
        List<String> first = texts(until(new MessageTimeline(spec, START), Duration.ofMinutes(12)));
        List<String> second = texts(until(new MessageTimeline(spec, START), Duration.ofMinutes(12)));
        List<String> otherSeed = texts(until(new MessageTimeline(
                MonitorSpec.numbered(4, Scenarios.SEVERE_HYPERTENSION, 124), START), Duration.ofMinutes(12)));

        // then
        assertThat(first).isEqualTo(second);
        assertThat(first).isNotEqualTo(otherSeed);
    }

    @Test
    void numbersControlIdsPerDeviceAndRun() {
        // given
        MessageTimeline one = new MessageTimeline(MonitorSpec.numbered(1, Scenarios.NORMAL, 1), START);
        MessageTimeline two = new MessageTimeline(MonitorSpec.numbered(2, Scenarios.NORMAL, 1), START);
        MessageTimeline laterRun = new MessageTimeline(MonitorSpec.numbered(1, Scenarios.NORMAL, 1),
                START.plusSeconds(3600));

        // when
        List<String> ids = new ArrayList<>();
        for (MessageTimeline timeline : List.of(one, two, laterRun)) {
            until(timeline, Duration.ofMinutes(6)).forEach(m -> ids.add(Hl7Text.field(m.text(), "MSH", 10)));
        }

        // then
        String run = Long.toString(START.getEpochSecond(), 36);
        assertThat(ids.get(0)).isEqualTo("sim-monitor-01-" + run + "-1");
        assertThat(ids.get(1)).isEqualTo("sim-monitor-01-" + run + "-2");
        assertThat(ids).filteredOn(id -> id.startsWith("sim-monitor-02-" + run + "-")).hasSize(ids.size() / 3);
        assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
    }

    private static List<TimedMessage> until(MessageTimeline timeline, Duration end) {
        List<TimedMessage> messages = new ArrayList<>();
        while (true) {
            TimedMessage message = timeline.next();
            if (message.at().compareTo(end) > 0) {
                return messages;
            }
            messages.add(message);
        }
    }

    private static List<String> texts(List<TimedMessage> messages) {
        return messages.stream().map(TimedMessage::text).toList();
    }

    private static String hl7Time(Instant instant) {
        String iso = instant.toString();
        return iso.substring(0, 4) + iso.substring(5, 7) + iso.substring(8, 10) + iso.substring(11, 13)
                + iso.substring(14, 16) + iso.substring(17, 19) + "+0000";
    }

    private static String isoOf(String hl7Time) {
        return hl7Time.substring(0, 4) + "-" + hl7Time.substring(4, 6) + "-" + hl7Time.substring(6, 8) + "T"
                + hl7Time.substring(8, 10) + ":" + hl7Time.substring(10, 12) + ":" + hl7Time.substring(12, 14) + "Z";
    }
}
