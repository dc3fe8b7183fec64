package org.vigil.adapters;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The dependency rules of docs/DESIGN.md, "Modules", as they apply to device-adapters. */
@AnalyzeClasses(packages = "org.vigil.adapters", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule protocolCodeIsBytesInValuesOut = noClasses()
            .that().resideInAPackage("org.vigil.adapters.protocol..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..", "io.vertx..")
            .because("framing, decoding and mapping are pure: bytes in, values out (docs/DESIGN.md)");

    @ArchTest
    static final ArchRule usesOnlyTheCoreMessageContract = noClasses()
            .that().resideInAPackage("org.vigil.adapters..")
            .should().dependOnClassesThat(resideInAPackage("org.vigil..")
                    .and(not(resideInAnyPackage("org.vigil.adapters..", "org.vigil.core.api.."))))
            .because("device-adapters depends on monitor-core's api package only (docs/DESIGN.md)");

    @ArchTest
    static final ArchRule knowsNothingOfTheApplicationOrTheSimulator = noClasses()
            .that().resideInAPackage("org.vigil.adapters..")
            .should().dependOnClassesThat().resideInAnyPackage("org.vigil.query..", "org.vigil.simulator..");
}
