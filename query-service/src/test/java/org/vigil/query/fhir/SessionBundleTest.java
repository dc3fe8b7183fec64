package org.vigil.query.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ResourceType;
import org.junit.jupiter.api.Test;
import org.vigil.query.sessionrecord.HypertensiveIvSession;

/**
 * The FHIR bundle of an IV session validates against the R4 core profiles with HAPI FHIR's validator (the vital
 * signs profile included, which the validator applies to Observations with its LOINC codes), and holds what an
 * electronic record would take from it.
 */
class SessionBundleTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    @Test
    void theBundleOfAnIvSessionValidatesAgainstR4CoreWithoutErrors() {
        // given
        String json = FHIR.newJsonParser().encodeResourceToString(SessionBundle.of(HypertensiveIvSession.record()));

        FhirValidator validator = validator();

        // when
        ValidationResult result = validator.validateWithResult(json);
        ValidationResult wrong = validator.validateWithResult("{\"resourceType\":\"Patient\",\"gender\":\"robot\"}");

        // then the validator finds errors where there are some, and none in the bundle
        assertThat(wrong.isSuccessful()).as("a Patient with an invalid gender").isFalse();
        List<String> errors = result.getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map(SingleValidationMessage::toString).toList();
        assertThat(errors).isEmpty();
    }

    @Test
    void holdsThePseudonymousPatientBloodPressurePanelsTheInfusionAndTheAlarmsWithTheirResponses() {
        // when
        Bundle bundle = (Bundle) FHIR.newJsonParser().parseResource(FHIR.newJsonParser()
                .encodeResourceToString(SessionBundle.of(HypertensiveIvSession.record())));

        // then
        Patient patient = only(bundle, ResourceType.Patient, Patient.class);
        assertThat(patient.getIdentifierFirstRep().getValue()).isEqualTo("P-0042");
        assertThat(patient.getName()).isEmpty();
        List<Observation> panels = all(bundle, Observation.class).stream()
                .filter(o -> o.getCode().getCodingFirstRep().getCode().equals("85354-9")).toList();
        assertThat(panels).hasSize(23);
        Observation peak = panels.stream().filter(o -> o.getComponentFirstRep().getValueQuantity().getValue()
                .intValue() == 184).findFirst().orElseThrow();
        assertThat(peak.getEffectiveDateTimeType().getValue().toInstant()).isEqualTo(HypertensiveIvSession.PEAK_AT);
        assertThat(peak.getComponent()).extracting(c -> c.getCode().getCodingFirstRep().getCode() + " "
                        + c.getValueQuantity().getValue().intValue() + " " + c.getValueQuantity().getCode())
                .containsExactly("8480-6 184 mm[Hg]", "8462-4 112 mm[Hg]", "8478-0 136 mm[Hg]");
        assertThat(peak.getCode().getCoding()).extracting(c -> c.getSystem() + "|" + c.getCode())
                .contains("urn:iso:std:iso:11073:10101|150020");
        assertThat(peak.getDevice().getReference()).startsWith("urn:uuid:");
        MedicationAdministration infusion = only(bundle, ResourceType.MedicationAdministration,
                MedicationAdministration.class);
        assertThat(infusion.getDosage().getDose().getValue().doubleValue())
                .isEqualTo(HypertensiveIvSession.DELIVERED_MG);
        assertThat(all(bundle, DetectedIssue.class)).extracting(i -> i.getCode().getText() + " " + i.getSeverity()
                        + " " + i.getMitigation().stream().map(m -> m.getAction().getText()).toList())
                .containsExactly("relative-surge MODERATE [acknowledged by nurse-ann]",
                        "severe-hypertension HIGH [acknowledged by nurse-ben, escalated to charge nurse / provider]");
    }

    private static FhirValidator validator() {
        ValidationSupportChain support = new ValidationSupportChain(new DefaultProfileValidationSupport(FHIR),
                new CommonCodeSystemsTerminologyService(FHIR), new InMemoryTerminologyServerValidationSupport(FHIR),
                new SnapshotGeneratingValidationSupport(FHIR));
        return FHIR.newValidator().registerValidatorModule(new FhirInstanceValidator(support));
    }

    private static <T> List<T> all(Bundle bundle, Class<T> type) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance)
                .map(type::cast).toList();
    }

    private static <T> T only(Bundle bundle, ResourceType resourceType, Class<T> type) {
        List<T> found = all(bundle, type);
        assertThat(found).as(resourceType.name()).hasSize(1);
        return found.get(0);
    }
}
