package org.vigil.adapters.hl7.wire;

import java.util.Set;

/**
 * An IEEE 11073-10101 term as it appears in OBX-3: its numeric code and its reference id. A row matches when
 * either agrees, because IHE PCD messages send {@code 0} as the code of terms whose codes were still pending
 * (IPEC supplement, sample message note) and some gateways send only the reference id. Extra reference ids
 * cover the {@code MDCX_} names used before a term was assigned.
 */
record MdcTerm(int code, String referenceId, Set<String> otherReferenceIds) {

    static MdcTerm of(int code, String referenceId, String... otherReferenceIds) {
        return new MdcTerm(code, referenceId, Set.of(otherReferenceIds));
    }

    boolean matches(int rowCode, String rowReferenceId) {
        return (code != 0 && rowCode == code) || referenceId.equals(rowReferenceId)
                || otherReferenceIds.contains(rowReferenceId);
    }

    @Override
    public String toString() {
        return code == 0 ? referenceId : code + "^" + referenceId;
    }
}
