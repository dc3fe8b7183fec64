package org.vigil.core.api;

/** Medications that interact with ketamine and esketamine, asked at pre-assessment (docs/DOMAIN.md, "Session lifecycle"). */
public enum InteractingMedication {
    BENZODIAZEPINE,
    NON_BENZODIAZEPINE_HYPNOTIC,
    PSYCHOSTIMULANT,
    MAOI
}
