package org.vigil.adapters;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Each protocol's wire package is pure Java: bytes in, values out, with only the core message contract as
 * vocabulary (and HAPI to parse HL7).
 */
@AnalyzeClasses(packages = "org.vigil.adapters", importOptions = ImportOption.DoNotIncludeTests.class)
class WireArchitectureTest {

    @ArchTest
    static final ArchRule intelliVueWireUsesOnlyTheJdkAndTheCoreContract = classes()
            .that().resideInAPackage("org.vigil.adapters.intellivue.wire..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("org.vigil.adapters.intellivue.wire..", "org.vigil.core.api..", "java..")
            .because("the IntelliVue client is tested byte for byte without a port or a clock (docs/DESIGN.md)");

    @ArchTest
    static final ArchRule pumpWireUsesOnlyTheJdkAndTheCoreContract = classes()
            .that().resideInAPackage("org.vigil.adapters.pump.wire..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("org.vigil.adapters.pump.wire..", "org.vigil.core.api..", "java..")
            .because("the pump protocol's framing, decoding and mapping are bytes in, values out (docs/DESIGN.md)");

    @ArchTest
    static final ArchRule masimoWireUsesOnlyTheJdkAndTheCoreContract = classes()
            .that().resideInAPackage("org.vigil.adapters.masimo.wire..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("org.vigil.adapters.masimo.wire..", "org.vigil.core.api..", "java..")
            .because("the oximeter's line framing, decoding and mapping are bytes in, values out (docs/DESIGN.md)");

    @ArchTest
    static final ArchRule hl7WireUsesOnlyTheJdkHapiAndTheCoreContract = classes()
            .that().resideInAPackage("org.vigil.adapters.hl7.wire..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("org.vigil.adapters.hl7.wire..", "org.vigil.core.api..", "ca.uhn.hl7v2..", "java..")
            .because("MLLP framing, HL7 decoding and mapping are bytes in, values out; HAPI only parses "
                    + "(docs/DESIGN.md)");
}
