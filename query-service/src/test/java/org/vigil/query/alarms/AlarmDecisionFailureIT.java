package org.vigil.query.alarms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.StreamSupport;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.vigil.core.alarm.BrokenRule;
import org.vigil.core.alarm.DecisionFailureAlarm;
import org.vigil.core.alarm.VitalSignAlarms;
import org.vigil.core.api.AlarmClearedEvent;
import org.vigil.core.api.AlarmRaisedEvent;
import org.vigil.core.api.ObservationsRecordedEvent;
import org.vigil.core.protocol.ClinicProtocol;
import org.vigil.query.GatewayMessages;
import org.vigil.query.RunningVigil;
import org.vigil.query.ingest.GroupCommit;

/**
 * A rule that throws, in the running application fed over MLLP: the message it cannot decide on is answered
 * {@code AE} and not stored, the chair gets the technical alarm "alarm decisions failed" once however often the
 * gateway resends, and the alarm clears when the chair's messages are decided on again.
 */
class AlarmDecisionFailureIT {

    private static final String CHAIR = "chair-1";
    private static final Duration ANSWER = Duration.ofSeconds(15);

    @TempDir
    Path data;

    @Test
    void aRuleThatThrowsGetsTheMessageAnAeStoresNothingAndRaisesOneTechnicalAlarmOnTheChair() {
        try (RunningVigil vigil = startWithBrokenRule()) {
            // given
            vigil.startSession(CHAIR, 125, 78);
            assertThat(send(vigil, "GOOD-1", 120)).contains("MSA|AA|");

            // when a message the rule cannot decide on arrives, and is resent
            String first = send(vigil, "BAD-1", 205);
            String resent = send(vigil, "BAD-1", 205);

            // then
            assertThat(first).contains("MSA|AE|", "alarm decisions failed");
            assertThat(resent).contains("MSA|AE|");
            assertThat(controlIds(vigil)).containsExactly("GOOD-1");
            List<AlarmRaisedEvent> technical = technicalAlarms(vigil);
            assertThat(technical).singleElement().satisfies(alarm -> {
                assertThat(alarm.message()).startsWith("Alarm decisions failed").contains("broken rule");
                assertThat(alarm.chairId().value()).isEqualTo(CHAIR);
            });
            assertThat(activeAlarmRules(vigil)).contains(DecisionFailureAlarm.RULE);

            // when the chair's messages are decided on again
            assertThat(send(vigil, "GOOD-2", 122)).contains("MSA|AA|");

            // then
            assertThat(vigil.stored(AlarmClearedEvent.class)).extracting(e -> e.payload().alarmId())
                    .contains(technical.get(0).alarmId());
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(activeAlarmRules(vigil)).doesNotContain(DecisionFailureAlarm.RULE));
            assertThat(controlIds(vigil)).containsExactly("GOOD-1", "GOOD-2");
        }
    }

    @Test
    void messagesThatArriveTogetherAreStoredInOneTransactionAndABadOneAmongThemFailsAlone() throws Exception {
        try (RunningVigil vigil = startWithBrokenRule()) {
            // given
            vigil.startSession(CHAIR, 125, 78);
            GroupCommit ingest = vigil.context().getBean(GroupCommit.class);
            MeterRegistry meters = vigil.context().getBean(MeterRegistry.class);

            // when eight messages arrive while the store is busy
            List<String> together = sendTogether(vigil, ingest, List.of(120, 121, 122, 123, 124, 125, 126, 127), "T");

            // then they are stored in one transaction
            assertThat(together).allSatisfy(ack -> assertThat(ack).contains("MSA|AA|"));
            assertThat(meters.get("vigil.ingest.group.size").summary().max()).isEqualTo(8);
            assertThat(meters.get("vigil.ingest.group.retried").counter().count()).isZero();

            // when one of the next eight cannot be decided on
            List<String> withABadOne = sendTogether(vigil, ingest, List.of(120, 121, 122, 205, 124, 125, 126, 127),
                    "U");

            // then it alone is refused; the group was stored again one by one
            assertThat(withABadOne.get(3)).contains("MSA|AE|", "alarm decisions failed");
            assertThat(withABadOne).filteredOn(ack -> ack.contains("MSA|AA|")).hasSize(7);
            assertThat(meters.get("vigil.ingest.group.retried").counter().count()).isEqualTo(1);
            assertThat(controlIds(vigil)).containsExactlyInAnyOrder("T-0", "T-1", "T-2", "T-3", "T-4", "T-5", "T-6",
                    "T-7", "U-0", "U-1", "U-2", "U-4", "U-5", "U-6", "U-7");
            assertThat(technicalAlarms(vigil)).hasSize(1);
        }
    }

    /**
     * Sends one message per systolic pressure at once, each on a connection of its own, while the store is held
     * busy, and lets the store go once all of them wait: they form one group.
     */
    private static List<String> sendTogether(RunningVigil vigil, GroupCommit ingest, List<Integer> systolics,
                                             String prefix) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ingest.submit(() -> {
            await().atMost(ANSWER).until(() -> release.getCount() == 0);
            throw new IllegalStateException("only held the store");
        }, System.nanoTime() + ANSWER.toNanos());
        await().atMost(ANSWER).until(() -> !ingest.idle() && ingest.waiting() == 0);
        List<CompletableFuture<String>> answers = new ArrayList<>();
        for (int i = 0; i < systolics.size(); i++) {
            String controlId = prefix + "-" + i;
            int systolic = systolics.get(i);
            answers.add(CompletableFuture.supplyAsync(() -> send(vigil, controlId, systolic)));
        }
        await().atMost(ANSWER).until(() -> ingest.waiting() == systolics.size());
        release.countDown();
        List<String> acks = new ArrayList<>();
        for (CompletableFuture<String> answer : answers) {
            acks.add(answer.get());
        }
        return acks;
    }

    /** The application with {@link BrokenRule}'s vital-sign alarms in place of the clinic's own. */
    private RunningVigil startWithBrokenRule() {
        return RunningVigil.startWith(data, RunningVigil.devices(GatewayMessages.NIST_DEVICE + "=" + CHAIR),
                builder -> builder.initializers((ConfigurableApplicationContext context) ->
                        context.addBeanFactoryPostProcessor(AlarmDecisionFailureIT::replaceVitalSignAlarms)));
    }

    private static void replaceVitalSignAlarms(ConfigurableListableBeanFactory beans) {
        BeanDefinitionRegistry registry = (BeanDefinitionRegistry) beans;
        registry.removeBeanDefinition("vitalSignAlarms");
        registry.registerBeanDefinition("vitalSignAlarms", BeanDefinitionBuilder
                .genericBeanDefinition(VitalSignAlarms.class, () -> BrokenRule.vitalSignAlarms(
                        beans.getBean(CommandGateway.class), beans.getBean(EventStore.class),
                        beans.getBean(ClinicProtocol.class), beans.getBean(Clock.class)))
                .getBeanDefinition());
    }

    private static String send(RunningVigil vigil, String controlId, int systolic) {
        String message = GatewayMessages.nist(controlId).replace("|120|mm[Hg]", "|" + systolic + "|mm[Hg]");
        return GatewayMessages.send(vigil.mllpPort(), message, ANSWER);
    }

    private static List<String> controlIds(RunningVigil vigil) {
        return vigil.stored(ObservationsRecordedEvent.class).stream()
                .map(event -> event.payload().messageKey().controlId()).toList();
    }

    private static List<AlarmRaisedEvent> technicalAlarms(RunningVigil vigil) {
        return vigil.stored(AlarmRaisedEvent.class).stream().map(RunningVigil.Stored::payload)
                .filter(alarm -> alarm.rule().equals(DecisionFailureAlarm.RULE)).toList();
    }

    private static List<String> activeAlarmRules(RunningVigil vigil) {
        JsonNode chair = StreamSupport.stream(vigil.get("/api/chairs").spliterator(), false)
                .filter(c -> c.path("chairId").asText().equals(CHAIR)).findFirst().orElseThrow();
        return StreamSupport.stream(chair.path("activeAlarms").spliterator(), false)
                .map(alarm -> alarm.path("rule").asText()).toList();
    }
}
