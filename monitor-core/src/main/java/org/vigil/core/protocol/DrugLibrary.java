package org.vigil.core.protocol;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The clinic's drug library for dose error reduction (docs/DOMAIN.md, "Infusion pumps"): per drug, the limits a
 * programme is checked against. A drug not in the library is not checked.
 */
public record DrugLibrary(List<DrugLimits> drugs) {

    public DrugLibrary {
        drugs = List.copyOf(drugs);
    }

    /** The entry for a drug as a pump or prescription names it, ignoring case and surrounding blanks. */
    public Optional<DrugLimits> find(String drug) {
        if (drug == null) {
            return Optional.empty();
        }
        String wanted = normalise(drug);
        return drugs.stream().filter(entry -> normalise(entry.drug()).equals(wanted)).findFirst();
    }

    static String normalise(String drug) {
        return drug.strip().toLowerCase(Locale.ROOT);
    }
}
