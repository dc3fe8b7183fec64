package org.vigil.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * How the application's packages depend on one another: no cycles, the wiring at the top, read models that only
 * read, and an ingest path that reaches the read models through no class of theirs (docs/DESIGN.md, "Modules").
 */
@AnalyzeClasses(packages = "org.vigil.query", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The packages that hold read models: fed by events, read by the API and the screens. */
    private static final String[] READ_MODELS = {
            "org.vigil.query.chairs..", "org.vigil.query.sessions..", "org.vigil.query.devices..",
            "org.vigil.query.influx.."};

    /** Where device messages and link states become commands. */
    private static final String[] INGEST_PATH = {"org.vigil.query.ingest..", "org.vigil.query.links.."};

    private static final String WIRING = "org.vigil.query.config..";

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices()
            .matching("org.vigil.query.(*)..")
            .should().beFreeOfCycles()
            .because("each package can then be read, tested and moved with only what it depends on");

    @ArchTest
    static final ArchRule wiringIsAtTheTop = noClasses()
            .that().resideOutsideOfPackage(WIRING)
            .and().doNotBelongToAnyOf(VigilApplication.class)
            .should().dependOnClassesThat().resideInAPackage(WIRING)
            .because("the configuration package assembles the others; settings every package reads live in "
                    + "org.vigil.query.settings");

    @ArchTest
    static final ArchRule readModelsSendNoCommands = noClasses()
            .that().resideInAnyPackage(READ_MODELS)
            .should().dependOnClassesThat().areAssignableTo(CommandGateway.class)
            .orShould().dependOnClassesThat().areAssignableTo(CommandBus.class)
            .because("a read model follows the record and never changes it; commands come from people, devices and the alarm decisions");

    @ArchTest
    static final ArchRule ingestReachesNoReadModel = noClasses()
            .that().resideInAnyPackage(INGEST_PATH)
            .should().dependOnClassesThat().resideInAnyPackage(READ_MODELS)
            .because("a device message goes where the command side says, through small ports such as "
                    + "ChairOccupancy and ChairLinks, never where a read model shows it");

    @ArchTest
    static final ArchRule noSimulatorInTheApplication = noClasses()
            .that().resideInAPackage("org.vigil.query..")
            .should().dependOnClassesThat().resideInAPackage("org.vigil.simulator..")
            .because("vigil.jar runs in clinics; the simulated clinic of the demo is the demo module's");
}
