package org.vigil.core.protocol;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.vigil.core.protocol.AlarmThresholds.Bradycardia;
import org.vigil.core.protocol.AlarmThresholds.Bradypnea;
import org.vigil.core.protocol.AlarmThresholds.Desaturation;
import org.vigil.core.protocol.AlarmThresholds.Hypotension;
import org.vigil.core.protocol.AlarmThresholds.RelativeSurge;
import org.vigil.core.protocol.AlarmThresholds.SevereHypertension;
import org.vigil.core.protocol.AlarmThresholds.Tachycardia;

/**
 * Reads a clinic protocol from YAML and checks it before anything runs under it: a threshold that is missing,
 * misspelt or not a number must stop the start-up with a message naming the key, never fall back silently.
 */
public final class ClinicProtocolLoader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ClinicProtocolLoader() {
    }

    public static ClinicProtocol load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read clinic protocol " + file, e);
        }
    }

    /**
     * @param sourceName names the input in error messages, for example the file name
     * @throws ClinicProtocolException when the YAML is malformed or any value is missing or wrong
     */
    public static ClinicProtocol load(InputStream in, String sourceName) {
        JsonNode tree = parse(in, sourceName);
        List<String> problems = new ArrayList<>();
        if (tree == null || !tree.isObject()) {
            problems.add("the file must be a mapping of keys, starting with name and version");
            throw new ClinicProtocolException(sourceName, problems);
        }
        ClinicProtocol protocol = YamlSection.read(tree, problems, ClinicProtocolLoader::read);
        if (!problems.isEmpty()) {
            throw new ClinicProtocolException(sourceName, problems);
        }
        return protocol;
    }

    static ClinicProtocol loadResource(String resource) {
        try (InputStream in = ClinicProtocolLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + resource + " not found");
            }
            return load(in, resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read clinic protocol " + resource, e);
        }
    }

    private static JsonNode parse(InputStream in, String sourceName) {
        try {
            return YAML.readTree(in);
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ClinicProtocolException(sourceName, "not valid YAML" + where + ": " + e.getOriginalMessage(),
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read clinic protocol " + sourceName, e);
        }
    }

    private static ClinicProtocol read(YamlSection root) {
        return new ClinicProtocol(
                root.text("name"),
                root.text("version"),
                root.section("preDoseGate", ClinicProtocolLoader::preDoseGate),
                root.section("alarms", ClinicProtocolLoader::alarms),
                root.section("delays", ClinicProtocolLoader::delays),
                root.section("escalation", ClinicProtocolLoader::escalation),
                root.section("nibpCadence", ClinicProtocolLoader::nibpCadence),
                root.section("supervision", ClinicProtocolLoader::supervision),
                root.section("doseReconciliation", ClinicProtocolLoader::doseReconciliation),
                root.section("drugLibrary", ClinicProtocolLoader::drugLibrary),
                root.section("workflow", ClinicProtocolLoader::workflow),
                root.optionalSection("pumpInterlock", ClinicProtocolLoader::pumpInterlock, PumpInterlock.off()),
                root.optionalSection("nurseReview", s -> new NurseReview(s.flag("ownChairs")), NurseReview.off()));
    }

    private static PreDoseGate preDoseGate(YamlSection s) {
        return new PreDoseGate(s.number("systolicAbove"), s.wholeNumber("olderFromAge"),
                s.number("olderSystolicAbove"), s.number("diastolicAbove"));
    }

    private static AlarmThresholds alarms(YamlSection s) {
        return new AlarmThresholds(
                s.section("severeHypertension", ClinicProtocolLoader::severeHypertension),
                s.section("relativeSurge", ClinicProtocolLoader::relativeSurge),
                s.section("hypotension", ClinicProtocolLoader::hypotension),
                s.section("tachycardia", ClinicProtocolLoader::tachycardia),
                s.section("bradycardia", ClinicProtocolLoader::bradycardia),
                s.section("desaturation", ClinicProtocolLoader::desaturation),
                s.section("bradypnea", ClinicProtocolLoader::bradypnea));
    }

    private static SevereHypertension severeHypertension(YamlSection s) {
        return new SevereHypertension(s.number("systolicAbove"), s.number("diastolicAbove"));
    }

    private static RelativeSurge relativeSurge(YamlSection s) {
        return new RelativeSurge(s.number("systolicRiseAtLeast"), s.number("diastolicRiseAtLeast"));
    }

    private static Hypotension hypotension(YamlSection s) {
        return new Hypotension(s.number("systolicBelow"));
    }

    private static Tachycardia tachycardia(YamlSection s) {
        Tachycardia rule = new Tachycardia(s.number("mediumAbove"), s.number("highAbove"));
        if (rule.highAbove() <= rule.mediumAbove()) {
            s.problem("highAbove", "must be greater than mediumAbove (" + plain(rule.mediumAbove()) + "), got "
                    + plain(rule.highAbove()));
        }
        return rule;
    }

    private static Bradycardia bradycardia(YamlSection s) {
        Bradycardia rule = new Bradycardia(s.number("mediumBelow"), s.number("highBelow"));
        if (rule.highBelow() >= rule.mediumBelow()) {
            s.problem("highBelow", "must be less than mediumBelow (" + plain(rule.mediumBelow()) + "), got "
                    + plain(rule.highBelow()));
        }
        return rule;
    }

    private static Desaturation desaturation(YamlSection s) {
        Desaturation rule = new Desaturation(s.number("mediumBelow"), s.number("highBelow"));
        if (rule.mediumBelow() > 100) {
            s.problem("mediumBelow", "must be a percentage up to 100, got " + plain(rule.mediumBelow()));
        }
        if (rule.highBelow() >= rule.mediumBelow()) {
            s.problem("highBelow", "must be less than mediumBelow (" + plain(rule.mediumBelow()) + "), got "
                    + plain(rule.highBelow()));
        }
        return rule;
    }

    private static Bradypnea bradypnea(YamlSection s) {
        return new Bradypnea(s.number("respiratoryRateBelow"));
    }

    private static AlarmDelays delays(YamlSection s) {
        return new AlarmDelays(s.seconds("spo2Seconds"), s.seconds("heartRateSeconds"), s.seconds("nibpSeconds"),
                s.seconds("desaturationHighSeconds"));
    }

    private static Escalation escalation(YamlSection s) {
        return new Escalation(s.positiveSeconds("highUnacknowledgedSeconds"),
                s.positiveSeconds("mediumUnacknowledgedSeconds"), s.text("recipient"));
    }

    private static NibpCadence nibpCadence(YamlSection s) {
        return new NibpCadence(s.minutes("earlyIntervalMinutes"), s.minutes("earlyPhaseMinutes"),
                s.minutes("laterIntervalMinutes"), s.wholeNumber("staleAfterPercentOverdue"));
    }

    private static Supervision supervision(YamlSection s) {
        return new Supervision(s.positiveSeconds("deviceSilentAfterSeconds"));
    }

    private static DoseReconciliation doseReconciliation(YamlSection s) {
        DoseReconciliation reconciliation = new DoseReconciliation(s.number("mismatchTolerancePercent"));
        double percent = reconciliation.mismatchTolerancePercent();
        if (percent == 0 || percent >= 100) {
            s.problem("mismatchTolerancePercent", "must be more than 0 and less than 100, got " + plain(percent));
        }
        return reconciliation;
    }

    private static DrugLibrary drugLibrary(YamlSection s) {
        List<DrugLimits> drugs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String drug : s.keys()) {
            if (!names.add(DrugLibrary.normalise(drug))) {
                s.problem(drug, "names a drug already in the library (names are compared without regard to case)");
            }
            drugs.add(s.section(drug, entry -> new DrugLimits(drug,
                    entry.section("dosePerSessionMgPerKg", ClinicProtocolLoader::limitBand),
                    entry.section("doseRateMgPerKgPerHour", ClinicProtocolLoader::limitBand))));
        }
        if (s.present() && drugs.isEmpty()) {
            s.problem("must name at least one drug with its limits");
        }
        return new DrugLibrary(drugs);
    }

    private static WorkflowSettings workflow(YamlSection s) {
        return new WorkflowSettings(
                s.section("observation", ClinicProtocolLoader::observation),
                s.section("esketamineDevices", ClinicProtocolLoader::esketamineDevices),
                s.section("checkpoints", ClinicProtocolLoader::checkpoints),
                s.section("discharge", ClinicProtocolLoader::discharge));
    }

    /**
     * The opt-in interlock: only the selectable HIGH alarms, and only pump protocols that carry a pause command. A
     * pump behind an HL7 gateway only reports; naming it would promise a pause Vigil cannot send.
     */
    private static PumpInterlock pumpInterlock(YamlSection s) {
        List<String> rules = s.textList("rules");
        List<String> protocols = s.textList("pumpProtocols");
        Duration confirmWithin = s.positiveSeconds("confirmWithinSeconds");
        for (String rule : rules) {
            if (!PumpInterlock.SELECTABLE_RULES.contains(rule)) {
                s.problem("rules", "\"" + rule + "\" cannot pause a pump; the interlock pauses on the HIGH alarm of "
                        + String.join(", ", new TreeSet<>(PumpInterlock.SELECTABLE_RULES)));
            }
        }
        for (String protocol : protocols) {
            if (protocol.startsWith("hl7")) {
                s.problem("pumpProtocols", "\"" + protocol + "\" pumps cannot be commanded: HL7 carries only what the "
                        + "pump reports, with no pause command; list only pump-ascii, or remove the interlock");
            } else if (!PumpInterlock.COMMANDABLE_PROTOCOLS.contains(protocol)) {
                s.problem("pumpProtocols", "\"" + protocol + "\" is no pump protocol Vigil can command; only "
                        + String.join(", ", new TreeSet<>(PumpInterlock.COMMANDABLE_PROTOCOLS)) + " can");
            }
        }
        if (s.present() && rules.isEmpty()) {
            s.problem("rules", "must name at least one alarm rule; leave out pumpInterlock to keep it off");
        }
        if (s.present() && protocols.isEmpty()) {
            s.problem("pumpProtocols", "must name at least one pump protocol");
        }
        return new PumpInterlock(new HashSet<>(rules), new HashSet<>(protocols), confirmWithin);
    }

    private static WorkflowSettings.Observation observation(YamlSection s) {
        return new WorkflowSettings.Observation(s.positiveMinutes("esketamineMinutesFromFirstDevice"),
                s.positiveMinutes("ivMinutesAfterInfusionEnd"));
    }

    /** Esketamine comes as 28 mg devices and the label's highest dose is 84 mg: at most three per session. */
    private static WorkflowSettings.EsketamineDevices esketamineDevices(YamlSection s) {
        WorkflowSettings.EsketamineDevices devices = new WorkflowSettings.EsketamineDevices(
                s.positiveMinutes("spacingMinutes"), s.wholeNumber("maximum"));
        if (s.present() && (devices.maximum() < 1 || devices.maximum() > 3)) {
            s.problem("maximum", "must be 1, 2 or 3 devices of 28 mg (84 mg at most), got " + devices.maximum());
        }
        return devices;
    }

    private static WorkflowSettings.Checkpoints checkpoints(YamlSection s) {
        WorkflowSettings.Checkpoints checkpoints = new WorkflowSettings.Checkpoints(
                s.positiveMinutes("midObservationMinutes"), s.positiveMinutes("midObservationWindowMinutes"),
                s.positiveMinutes("beforeDischargeWindowMinutes"));
        if (checkpoints.midObservationWindow().compareTo(checkpoints.midObservation()) >= 0
                && !checkpoints.midObservation().isZero()) {
            s.problem("midObservationWindowMinutes", "must be less than midObservationMinutes ("
                    + checkpoints.midObservation().toMinutes() + "), got "
                    + checkpoints.midObservationWindow().toMinutes());
        }
        return checkpoints;
    }

    private static WorkflowSettings.Discharge discharge(YamlSection s) {
        WorkflowSettings.Discharge discharge = new WorkflowSettings.Discharge(
                s.number("bloodPressureWithinOfBaseline"), s.number("spo2AtLeast"), s.wholeNumber("aldreteAtLeast"),
                s.positiveMinutes("readingsWithinMinutes"));
        if (discharge.spo2AtLeast() > 100) {
            s.problem("spo2AtLeast", "must be a percentage up to 100, got " + plain(discharge.spo2AtLeast()));
        }
        if (discharge.aldreteAtLeast() > 10) {
            s.problem("aldreteAtLeast", "must be an Aldrete score from 0 to 10, got " + discharge.aldreteAtLeast());
        }
        return discharge;
    }

    /** The four limits, each strictly above the one before, so that every band is non-empty. */
    private static LimitBand limitBand(YamlSection s) {
        LimitBand band = new LimitBand(s.number("lowerHard"), s.number("lowerSoft"), s.number("upperSoft"),
                s.number("upperHard"));
        mustRise(s, "lowerSoft", band.lowerSoft(), "lowerHard", band.lowerHard());
        mustRise(s, "upperSoft", band.upperSoft(), "lowerSoft", band.lowerSoft());
        mustRise(s, "upperHard", band.upperHard(), "upperSoft", band.upperSoft());
        return band;
    }

    private static void mustRise(YamlSection s, String key, double value, String belowKey, double below) {
        if (!Double.isNaN(value) && !Double.isNaN(below) && value <= below) {
            s.problem(key, "must be greater than " + belowKey + " (" + plain(below) + "), got " + plain(value));
        }
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
