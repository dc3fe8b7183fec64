package org.vigil.simulator.intellivue;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The impersonator is written independently of Vigil's own adapter: the protocol side uses nothing but the JDK,
 * and serving it over a link adds only the simulator's scenario engine and logging.
 */
@AnalyzeClasses(packages = "org.vigil.simulator.intellivue", importOptions = ImportOption.DoNotIncludeTests.class)
class IntelliVueImpersonatorArchitectureTest {

    @ArchTest
    static final ArchRule theProtocolSideUsesOnlyTheJdk = classes()
            .that().doNotHaveSimpleName("IntelliVueMonitor")
            .and().doNotHaveSimpleName("ScenarioNumerics")
            .and().doNotHaveSimpleName("SerialDeviceLink")
            .and().doNotHaveSimpleName("TcpListenerLink")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.vigil.simulator.intellivue..", "java..");

    @ArchTest
    static final ArchRule servingAddsOnlyTheScenarioEngineAndLogging = classes()
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.vigil.simulator.intellivue..",
                    "org.vigil.simulator.scenario..", "org.vigil.simulator.patient..", "org.slf4j..", "java..");
}
