package org.vigil.core.protocol;

/**
 * Whether a nurse may read, on the review pages, a session that ran at one of the chairs assigned to them (their
 * chairs are declared with the users, {@code vigil.users[].chairs}). Off unless the protocol file has a
 * {@code nurseReview} section that turns it on; a director reads every session either way.
 *
 * @param ownChairs a nurse may read the sessions of their own chairs, and no other
 */
public record NurseReview(boolean ownChairs) {

    /** The setting of a protocol file without a {@code nurseReview} section: only directors read sessions. */
    public static NurseReview off() {
        return new NurseReview(false);
    }
}
