package org.vigil.query.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.core.metrics.StartupStep;
import org.vigil.query.RunningVigil;

/**
 * Where a warm start of the application spends its time, step by step as Spring records them (configuration
 * classes parsed, each bean instantiated, the web server created…): {@code bench.startups} starts (default 10) in
 * the JVM the integration tests run in, the first two left out, each step's own time (its time less that of the
 * steps inside it) averaged over the others. Not part of the build (its name is not a test's); run it with
 * {@code ./mvnw -o -B -ntp -pl query-service -am verify -Djazzer.skip=true -Dtest=none -Dit.test=StartupSteps
 * -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false}. {@link StartStopTimes} gives
 * the whole start and stop.
 */
class StartupSteps {

    private static final int LEFT_OUT = 2;

    @TempDir
    Path data;

    @Test
    void stepsOfAWarmStart() {
        int startups = Math.max(LEFT_OUT + 1, Integer.getInteger("bench.startups", 10));
        Map<String, Long> ownNanos = new HashMap<>();
        for (int i = 0; i < startups; i++) {
            BufferingApplicationStartup steps = new BufferingApplicationStartup(100_000);
            RunningVigil.startWith(store(i), RunningVigil.devices("sim-monitor-01=chair-1"),
                    builder -> builder.applicationStartup(steps)).close();
            if (i >= LEFT_OUT) {
                add(steps.getBufferedTimeline().getEvents(), ownNanos);
            }
        }
        int counted = startups - LEFT_OUT;
        long total = ownNanos.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("%nSteps of a warm start, averaged over %d starts: %.0f ms in all%n%n", counted,
                total / 1e6 / counted);
        System.out.println("| step | own time (ms) |\n|---|---:|");
        ownNanos.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(25)
                .forEach(step -> System.out.printf("| %s | %.1f |%n", step.getKey(),
                        step.getValue() / 1e6 / counted));
    }

    private static void add(List<StartupTimeline.TimelineEvent> events, Map<String, Long> ownNanos) {
        Map<Long, Long> inside = new HashMap<>();
        for (StartupTimeline.TimelineEvent event : events) {
            Long parent = event.getStartupStep().getParentId();
            if (parent != null) {
                inside.merge(parent, event.getDuration().toNanos(), Long::sum);
            }
        }
        for (StartupTimeline.TimelineEvent event : events) {
            StartupStep step = event.getStartupStep();
            long own = event.getDuration().toNanos() - inside.getOrDefault(step.getId(), 0L);
            ownNanos.merge(name(step), own, Long::sum);
        }
    }

    /** The step's name, with the bean or post-processor it is about. */
    private static String name(StartupStep step) {
        StringBuilder name = new StringBuilder(step.getName());
        for (StartupStep.Tag tag : step.getTags()) {
            if (tag.getKey().equals("beanName")) {
                name.append(' ').append(tag.getValue());
            }
        }
        return name.toString();
    }

    private Path store(int i) {
        try {
            return Files.createDirectories(data.resolve("store-" + i));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
