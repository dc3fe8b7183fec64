package org.vigil.adapters.transport;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.vigil.adapters.transport", importOptions = ImportOption.DoNotIncludeTests.class)
class TransportArchitectureTest {

    @ArchTest
    static final ArchRule transportsAndSupervisionStayFreeOfSpringAndAxon = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..")
            .because("the application wires transports in; they do not know it");

    @ArchTest
    static final ArchRule transportsKnowNoProtocol = noClasses()
            .should().dependOnClassesThat(resideInAPackage("org.vigil..")
                    .and(not(resideInAPackage("org.vigil.adapters.transport.."))))
            .because("any codec runs over any transport; a codec plugs in through CodecStream (docs/DESIGN.md)");
}
