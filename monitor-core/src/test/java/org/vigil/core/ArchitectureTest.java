package org.vigil.core;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency rules of monitor-core's packages. */
@AnalyzeClasses(packages = "org.vigil.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule packagesDependOnEachOtherOneWay = slices().matching("org.vigil.core.(*)..")
            .should().beFreeOfCycles()
            .because("each feature package builds on api and on the packages below it, never the other way round, so"
                    + " a package can be read and changed without the ones that use it");
}
