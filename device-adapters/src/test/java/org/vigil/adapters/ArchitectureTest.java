package org.vigil.adapters;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The dependency rules of docs/DESIGN.md, "Modules", as they apply to device-adapters. */
@AnalyzeClasses(packages = "org.vigil.adapters", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule wireCodeIsBytesInValuesOut = noClasses()
            .that().resideInAPackage("org.vigil.adapters.*.wire..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..", "io.vertx..")
            .because("framing, decoding and mapping are pure: bytes in, values out (docs/DESIGN.md)");

    @ArchTest
    static final ArchRule protocolsTransportsAndIngestAreFreeOfCycles = slices()
            .matching("org.vigil.adapters.(*)..")
            .should().beFreeOfCycles()
            .because("each protocol package (hl7, intellivue, pump, masimo) builds on transport and ingest and they on no "
                    + "protocol, so a protocol is added or removed as one package (docs/DESIGN.md)");

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
