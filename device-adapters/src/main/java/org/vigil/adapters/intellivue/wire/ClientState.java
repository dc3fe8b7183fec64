package org.vigil.adapters.intellivue.wire;

/** Where the client is in the association dialog (Programming Guide, "Protocol Dialog"). */
public enum ClientState {
    /** Not started, or stopped. */
    DISCONNECTED,
    /** Association Request sent; waiting for the Association Result. */
    ASSOCIATING,
    /** Association accepted; waiting for the MDS Create Event Report. */
    AWAITING_MDS_CREATE,
    /** MDS Create Event confirmed; polling numerics periodically. */
    POLLING,
    /** Release Request sent on stop; waiting for the Release Result. */
    RELEASING
}
