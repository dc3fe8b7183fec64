package org.vigil.simulator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * docs/DESIGN.md: the simulator depends on no other module; it meets the adapters only on the wire, so it
 * writes its own HL7 and uses no framework of the application.
 */
@AnalyzeClasses(packages = "org.vigil.simulator", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule usesNoOtherVigilModule = noClasses()
            .that().resideInAPackage("org.vigil.simulator..")
            .should().dependOnClassesThat().resideInAnyPackage("org.vigil.core..", "org.vigil.adapters..",
                    "org.vigil.query..");

    @ArchTest
    static final ArchRule usesNoHapiSpringOrAxon = noClasses()
            .that().resideInAPackage("org.vigil.simulator..")
            .should().dependOnClassesThat().resideInAnyPackage("ca.uhn..", "org.springframework..",
                    "org.axonframework..", "io.vertx..");

    @ArchTest
    static final ArchRule keepsTheDeviceSideFreeOfTheCommandLine = noClasses()
            .that().resideOutsideOfPackage("org.vigil.simulator.cli..")
            .should().dependOnClassesThat().resideInAPackage("picocli..");

    @ArchTest
    static final ArchRule devicesScenariosAndCommandLineAreFreeOfCycles = slices()
            .matching("org.vigil.simulator.(*)..")
            .should().beFreeOfCycles()
            .because("the device sides (hl7, mllp, intellivue, pump, masimo) build on the patient model and the scenarios, "
                    + "and the command line on all of them, never the reverse, so each is tested on its own");
}
