package org.vigil.query.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

/**
 * Every revision of every event type has its golden fixture, and every fixture is of an event type and revision
 * that exist: a clinic's database may hold any of them (README.md of the fixtures).
 */
class EventFixturesTest {

    /** Simple name of each event type, with its current revision. */
    private static final Map<String, Integer> EVENT_TYPES = eventTypes();

    @Test
    void everyRevisionOfEveryEventTypeHasAFixture() {
        // given
        List<String> fixtures = EventFixture.all().stream().map(EventFixture::name).toList();

        // then
        assertThat(EVENT_TYPES).as("event types found").hasSizeGreaterThan(30);
        List<String> needed = new ArrayList<>();
        EVENT_TYPES.forEach((type, revision) -> IntStream.rangeClosed(1, revision)
                .forEach(r -> needed.add(type + "-" + r)));
        assertThat(fixtures).as("fixtures under src/test/resources/events").containsAll(needed);
    }

    @Test
    void everyFixtureIsARevisionOfAnEventTypeThatExists() {
        assertThat(EventFixture.all()).allSatisfy(fixture -> {
            assertThat(EVENT_TYPES).as("event types").containsKey(fixture.type());
            assertThat(fixture.revision()).as("revision of " + fixture).isLessThanOrEqualTo(
                    EVENT_TYPES.get(fixture.type()));
        });
    }

    @Test
    void everyFixtureHasTheEventItMustReadAs() {
        assertThat(EventFixture.all()).extracting(EventFixture::name)
                .containsExactlyInAnyOrderElementsOf(StoredEventExamples.names());
    }

    /**
     * Records of {@code org.vigil.core.api} named {@code …Event} or taken by an event handler or event sourcing
     * handler anywhere in Vigil; each without a revision counts as revision 1 here (monitor-core's
     * {@code EventRevisionTest} requires one).
     */
    private static Map<String, Integer> eventTypes() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.vigil.core", "org.vigil.query");
        Map<String, Integer> types = new TreeMap<>();
        for (JavaClass javaClass : classes) {
            if (javaClass.getPackageName().equals("org.vigil.core.api") && javaClass.isRecord()
                    && (javaClass.getSimpleName().endsWith("Event") || handledAsEvent(javaClass))) {
                types.put(javaClass.getSimpleName(), javaClass.tryGetAnnotationOfType(Revision.class)
                        .map(revision -> Integer.parseInt(revision.value())).orElse(1));
            }
        }
        return types;
    }

    private static boolean handledAsEvent(JavaClass javaClass) {
        for (JavaMethod method : javaClass.getMethodsWithParameterTypeOfSelf()) {
            if ((method.isAnnotatedWith(EventHandler.class) || method.isAnnotatedWith(EventSourcingHandler.class))
                    && method.getRawParameterTypes().get(0).equals(javaClass)) {
                return true;
            }
        }
        return false;
    }
}
