package org.vigil.core.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/** docs/DESIGN.md, "Dependency rules": the core depends on no transport, web or database code and no other module. */
@AnalyzeClasses(packages = "org.vigil.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

    @ArchTest
    static final ArchRule coreDependsOnNoFrameworkTransportOrOtherModule = noClasses()
            .that().resideInAPackage("org.vigil.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.axonframework.spring..", "io.vertx..", "jakarta.persistence..",
                    "javax.persistence..", "ca.uhn..", "com.fazecast..", "org.vigil.adapters..", "org.vigil.query..",
                    "org.vigil.simulator..");

    @ArchTest
    static final ArchRule apiHoldsOnlyRecordsEnumsAndInterfaces = classes()
            .that().resideInAPackage("org.vigil.core.api..")
            .should(beRecordsEnumsOrInterfaces());

    @ArchTest
    static final ArchRule apiUsesNoAxonTypeButAnnotations = noClasses()
            .that().resideInAPackage("org.vigil.core.api..")
            .should().dependOnClassesThat(resideInAPackage("org.axonframework..").and(not(annotations())));

    @ArchTest
    static final ArchRule apiDependsOnNoOtherCorePackage = noClasses()
            .that().resideInAPackage("org.vigil.core.api..")
            .should().dependOnClassesThat(resideInAPackage("org.vigil.core..")
                    .and(not(resideInAnyPackage("org.vigil.core.api.."))));

    @ArchTest
    static final ArchRule corePackagesDependOnEachOtherOneWay = slices().matching("org.vigil.core.(*)..")
            .should().beFreeOfCycles()
            .because("each feature package builds on api and on the packages below it, never the other way round, so"
                    + " a package can be read and changed without the ones that use it");

    private static DescribedPredicate<JavaClass> annotations() {
        return DescribedPredicate.describe("annotations", JavaClass::isAnnotation);
    }

    private static ArchCondition<JavaClass> beRecordsEnumsOrInterfaces() {
        return new ArchCondition<>("be records, enums or interfaces") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                boolean record = javaClass.getRawSuperclass()
                        .map(superclass -> superclass.isEquivalentTo(Record.class))
                        .orElse(false);
                boolean allowed = record || javaClass.isEnum() || javaClass.isInterface()
                        || javaClass.getEnclosingClass().map(JavaClass::isEnum).orElse(false);
                events.add(new SimpleConditionEvent(javaClass, allowed,
                        javaClass.getName() + (allowed ? " is" : " is not") + " a record, enum or interface"));
            }
        };
    }
}
