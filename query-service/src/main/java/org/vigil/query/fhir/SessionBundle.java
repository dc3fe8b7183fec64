package org.vigil.query.fhir;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;
import org.vigil.core.api.AlarmKind;
import org.vigil.core.api.AlarmPriority;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.SessionStartedEvent;
import org.vigil.core.api.Treatment;
import org.vigil.core.api.Vital;
import org.vigil.query.fhir.VitalCodes.Code;
import org.vigil.query.sessionrecord.SessionRecord;
import org.vigil.query.sessionrecord.SessionRecord.Alarm;
import org.vigil.query.sessionrecord.SessionRecord.Reading;

/**
 * A session as a FHIR R4 {@code collection} Bundle: the Patient by pseudonym only, the Encounter, a Device per
 * monitor and pump, vital-sign Observations (LOINC and MDC codes, UCUM units, the device that measured), the
 * MedicationAdministration of the infusion or of each esketamine device, and a DetectedIssue per physiological
 * alarm with who acknowledged it. Technical alarms are about the equipment, not the patient, and stay out.
 *
 * <p>Every blood pressure is one panel with its systolic, diastolic and mean. Continuous values (heart rate,
 * SpO2, respiratory rate, end-tidal CO2), sent every second, are given as the first value of each minute of each
 * device: a flowsheet's resolution; the CSV export has every value.
 */
final class SessionBundle {

    static final String PSEUDONYM_SYSTEM = "urn:vigil:patient-pseudonym";
    static final String DEVICE_SYSTEM = "urn:vigil:device";
    static final String SESSION_SYSTEM = "urn:vigil:session";
    private static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    private static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    private static final String SNOMED = "http://snomed.info/sct";
    private static final Set<Vital> PRESSURES = Set.of(Vital.NIBP_SYSTOLIC, Vital.NIBP_DIASTOLIC, Vital.NIBP_MEAN);
    private static final double ESKETAMINE_DEVICE_MG = 28;

    private final SessionRecord record;
    private final Bundle bundle = new Bundle();
    private final Map<DeviceId, Reference> devices = new LinkedHashMap<>();
    private Reference patient;
    private Reference encounter;

    private SessionBundle(SessionRecord record) {
        this.record = record;
    }

    static Bundle of(SessionRecord record) {
        return new SessionBundle(record).build();
    }

    private Bundle build() {
        SessionStartedEvent started = record.started();
        bundle.setType(Bundle.BundleType.COLLECTION);
        bundle.setTimestamp(new Date());
        bundle.getIdentifier().setSystem(SESSION_SYSTEM).setValue(started.sessionId().value());
        Patient person = new Patient();
        person.addIdentifier().setSystem(PSEUDONYM_SYSTEM).setValue(started.patientPseudonym());
        patient = add(person);
        Encounter visit = new Encounter();
        visit.setStatus(record.endedAt() == null ? Encounter.EncounterStatus.INPROGRESS
                : Encounter.EncounterStatus.FINISHED);
        visit.setClass_(new Coding(ACT_CODE, "AMB", "ambulatory"));
        visit.addIdentifier().setSystem(SESSION_SYSTEM).setValue(started.sessionId().value());
        visit.setSubject(patient);
        visit.setPeriod(period(started.startedAt(), record.endedAt()));
        encounter = add(visit);
        record.monitors().forEach(id -> device(id, "patient monitor"));
        record.pumps().forEach(id -> device(id, "infusion pump"));
        pressures();
        continuous();
        medication(started.treatment());
        record.alarms().stream().filter(a -> a.kind() == AlarmKind.PHYSIOLOGICAL)
                .forEach(this::issue);
        return bundle;
    }

    private void device(DeviceId id, String type) {
        Device device = new Device();
        device.addIdentifier().setSystem(DEVICE_SYSTEM).setValue(id.value());
        device.setStatus(Device.FHIRDeviceStatus.ACTIVE);
        device.setType(new CodeableConcept().setText(type));
        devices.put(id, add(device));
    }

    /** One panel per blood pressure: the readings of one device at one time. */
    private void pressures() {
        Map<String, List<Reading>> panels = new LinkedHashMap<>();
        for (Reading reading : record.readings()) {
            if (PRESSURES.contains(reading.vital())) {
                panels.computeIfAbsent(reading.device().value() + "@" + reading.at(), k -> new ArrayList<>())
                        .add(reading);
            }
        }
        for (List<Reading> panel : panels.values()) {
            Reading first = panel.get(0);
            Observation observation = observation(first);
            CodeableConcept code = new CodeableConcept();
            code.addCoding(new Coding(VitalCodes.LOINC, VitalCodes.BLOOD_PRESSURE_PANEL.code(),
                    VitalCodes.BLOOD_PRESSURE_PANEL.display()));
            code.addCoding(new Coding(VitalCodes.MDC, String.valueOf(VitalCodes.NIBP_MDC), "MDC_PRESS_BLD_NONINV"));
            code.setText("Non-invasive blood pressure");
            observation.setCode(code);
            for (Reading reading : panel) {
                observation.addComponent().setCode(code(reading.vital())).setValue(quantity(reading));
            }
            add(observation);
        }
    }

    /** The first value of each minute, per device and vital sign. */
    private void continuous() {
        Map<String, Boolean> seen = new HashMap<>();
        for (Reading reading : record.readings()) {
            if (PRESSURES.contains(reading.vital())) {
                continue;
            }
            String minute = reading.device().value() + "/" + reading.vital() + "@"
                    + reading.at().truncatedTo(ChronoUnit.MINUTES);
            if (seen.putIfAbsent(minute, Boolean.TRUE) == null) {
                Observation observation = observation(reading);
                observation.setCode(code(reading.vital()));
                observation.setValue(quantity(reading));
                add(observation);
            }
        }
    }

    private Observation observation(Reading reading) {
        Observation observation = new Observation();
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.addCategory().addCoding(new Coding(OBSERVATION_CATEGORY, "vital-signs", "Vital Signs"));
        observation.setSubject(patient);
        observation.setEncounter(encounter);
        observation.setEffective(new DateTimeType(Date.from(reading.at())));
        observation.setDevice(devices.get(reading.device()));
        return observation;
    }

    private static CodeableConcept code(Vital vital) {
        CodeableConcept code = new CodeableConcept();
        for (Code loinc : VitalCodes.loinc(vital)) {
            code.addCoding(new Coding(VitalCodes.LOINC, loinc.code(), loinc.display()));
        }
        code.addCoding(new Coding(VitalCodes.MDC, String.valueOf(vital.mdcCode()), vital.mdcName()));
        return code.setText(vital.mdcName());
    }

    private static Quantity quantity(Reading reading) {
        String unit = reading.vital().unit();
        return new Quantity().setValue(reading.value()).setUnit(unit).setSystem(VitalCodes.UCUM).setCode(unit);
    }

    /** The infusion as one administration, or each esketamine device as its own. */
    private void medication(Treatment treatment) {
        if (treatment == Treatment.ESKETAMINE) {
            for (Instant at : record.esketamineDevices()) {
                MedicationAdministration spray = administration("esketamine nasal spray, 28 mg device",
                        new DateTimeType(Date.from(at)), "46713006", "Nasal route");
                spray.getDosage().setDose(mg(ESKETAMINE_DEVICE_MG));
                add(spray);
            }
            return;
        }
        if (record.doseStartedAt() == null) {
            return;
        }
        String drug = record.prescription().map(p -> p.drug()).orElse("ketamine");
        MedicationAdministration infusion = administration(drug + " intravenous infusion",
                period(record.doseStartedAt(), record.dosingEndedAt()), "47625008", "Intravenous route");
        infusion.getDosage().setDose(mg(Math.round(record.deliveredMg() * 100) / 100.0));
        record.prescription().ifPresent(p -> infusion.getDosage().setText("prescribed " + p.mgPerKg()
                + " mg/kg × " + p.weightKg() + " kg = " + p.expectedDoseMg() + " mg over "
                + p.duration().toMinutes() + " min; dose is what the pumps delivered"));
        record.pumps().stream().findFirst().map(devices::get).ifPresent(infusion::addDevice);
        add(infusion);
    }

    private MedicationAdministration administration(String medication, Type effective,
                                                    String route, String routeName) {
        MedicationAdministration administration = new MedicationAdministration();
        administration.setStatus(record.dosingEndedAt() != null || record.endedAt() != null
                ? MedicationAdministration.MedicationAdministrationStatus.COMPLETED
                : MedicationAdministration.MedicationAdministrationStatus.INPROGRESS);
        administration.setMedication(new CodeableConcept().setText(medication));
        administration.setSubject(patient);
        administration.setContext(encounter);
        administration.setEffective(effective);
        administration.getDosage().setRoute(new CodeableConcept(new Coding(SNOMED, route, routeName)));
        return administration;
    }

    private static Quantity mg(double value) {
        return new Quantity().setValue(value).setUnit("mg").setSystem(VitalCodes.UCUM).setCode("mg");
    }

    /** A physiological alarm, with its priority as severity and each response as a mitigation. */
    private void issue(Alarm alarm) {
        DetectedIssue issue = new DetectedIssue();
        issue.setStatus(DetectedIssue.DetectedIssueStatus.FINAL);
        issue.setCode(new CodeableConcept().setText(alarm.rule()));
        issue.setSeverity(alarm.priority() == AlarmPriority.HIGH ? DetectedIssue.DetectedIssueSeverity.HIGH
                : alarm.priority() == AlarmPriority.MEDIUM ? DetectedIssue.DetectedIssueSeverity.MODERATE
                : DetectedIssue.DetectedIssueSeverity.LOW);
        issue.setPatient(patient);
        issue.setIdentified(new DateTimeType(Date.from(alarm.raisedAt())));
        issue.setDetail(alarm.priority() + " alarm: " + alarm.message());
        if (alarm.acknowledgedAt() != null) {
            issue.addMitigation().setAction(new CodeableConcept().setText("acknowledged by "
                    + alarm.acknowledgedBy())).setDate(Date.from(alarm.acknowledgedAt()));
        }
        if (alarm.escalatedAt() != null) {
            issue.addMitigation().setAction(new CodeableConcept().setText("escalated to " + alarm.escalatedTo()))
                    .setDate(Date.from(alarm.escalatedAt()));
        }
        add(issue);
    }

    private static Period period(Instant start, Instant end) {
        Period period = new Period().setStart(Date.from(start));
        return end == null ? period : period.setEnd(Date.from(end));
    }

    private Reference add(Resource resource) {
        String url = "urn:uuid:" + UUID.randomUUID();
        bundle.addEntry().setFullUrl(url).setResource(resource);
        return new Reference(url);
    }
}
