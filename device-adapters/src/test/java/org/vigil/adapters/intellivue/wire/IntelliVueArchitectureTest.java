package org.vigil.adapters.intellivue.wire;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The IntelliVue codec is pure Java: bytes in, values out, and only the core message contract as vocabulary. */
@AnalyzeClasses(packages = "org.vigil.adapters.intellivue.wire", importOptions = ImportOption.DoNotIncludeTests.class)
class IntelliVueArchitectureTest {

    @ArchTest
    static final ArchRule usesOnlyTheJdkAndTheCoreContract = classes()
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("org.vigil.adapters.intellivue.wire..", "org.vigil.core.api..", "java..");
}
