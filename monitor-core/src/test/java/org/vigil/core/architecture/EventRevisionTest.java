package org.vigil.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Optional;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.serialization.Revision;

/**
 * Every event type carries a revision, so that an upcaster can tell a stored event's old shape from the new one.
 * An event type is a record of {@code org.vigil.core.api} named {@code …Event}, or any record of it that an event
 * handler or event sourcing handler takes.
 */
@AnalyzeClasses(packages = "org.vigil.core", importOptions = ImportOption.DoNotIncludeTests.class)
class EventRevisionTest {

    @ArchTest
    static final ArchRule everyEventTypeCarriesARevision = classes()
            .that(areEventTypes())
            .should(carryARevisionOfOneOrMore())
            .because("a stored event is read back by its type and revision: without a revision no upcaster can "
                    + "recognise the shape it was stored in once the record changes");

    /** The event types of the core, as the rule above finds them. */
    static DescribedPredicate<JavaClass> areEventTypes() {
        return DescribedPredicate.describe("are event types (records of the api named *Event or taken by an "
                + "event handler)", javaClass -> javaClass.getPackageName().equals("org.vigil.core.api")
                && javaClass.isRecord()
                && (javaClass.getSimpleName().endsWith("Event") || handledAsEvent(javaClass)));
    }

    private static boolean handledAsEvent(JavaClass javaClass) {
        for (JavaMethod method : javaClass.getMethodsWithParameterTypeOfSelf()) {
            boolean handler = method.isAnnotatedWith(EventHandler.class)
                    || method.isAnnotatedWith(EventSourcingHandler.class);
            if (handler && method.getRawParameterTypes().get(0).equals(javaClass)) {
                return true;
            }
        }
        return false;
    }

    private static ArchCondition<JavaClass> carryARevisionOfOneOrMore() {
        return new ArchCondition<>("carry @Revision with a whole number of 1 or more") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                Optional<String> revision = javaClass.tryGetAnnotationOfType(Revision.class).map(Revision::value);
                boolean valid = revision.map(EventRevisionTest::isWholeNumberOfOneOrMore).orElse(false);
                events.add(new SimpleConditionEvent(javaClass, valid, javaClass.getName()
                        + revision.map(r -> " carries @Revision(\"" + r + "\")").orElse(" carries no @Revision")));
            }
        };
    }

    private static boolean isWholeNumberOfOneOrMore(String revision) {
        return revision.matches("[1-9][0-9]*");
    }
}
