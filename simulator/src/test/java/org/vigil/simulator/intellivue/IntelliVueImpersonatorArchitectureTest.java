package org.vigil.simulator.intellivue;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The impersonator is written independently of Vigil's own adapter: it uses nothing but the JDK. */
@AnalyzeClasses(packages = "org.vigil.simulator.intellivue", importOptions = ImportOption.DoNotIncludeTests.class)
class IntelliVueImpersonatorArchitectureTest {

    @ArchTest
    static final ArchRule usesOnlyTheJdk = classes()
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.vigil.simulator.intellivue..", "java..");
}
