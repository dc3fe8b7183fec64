package org.vigil.adapters.intellivue.wire;

/** What the {@link MibFramer} made of the bytes it was fed: a frame's payload, or a counted failure. */
sealed interface MibFrameResult {

    /** A frame that passed every check; {@code payload} is the unescaped user data without header and FCS. */
    record Frame(byte[] payload) implements MibFrameResult {
        public Frame {
            payload = payload.clone();
        }

        @Override
        public byte[] payload() {
            return payload.clone();
        }
    }

    record Failure(FrameFailure reason) implements MibFrameResult {
    }
}
