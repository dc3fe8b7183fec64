package org.vigil.query.readmodels;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackerStatus;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

/** Whether the read models' processor is rebuilding, as its segment's status tells an engineer. */
class ReadModelsStatusTest {

    private static final GlobalSequenceTrackingToken LAST_AT_RESET = new GlobalSequenceTrackingToken(295);

    @Test
    void aRebuildBehindTheEventThatWasLastWhenItBeganIsRebuilding() {
        TrackerStatus status = new TrackerStatus(Segment.ROOT_SEGMENT,
                ReplayToken.createReplayToken(LAST_AT_RESET, new GlobalSequenceTrackingToken(1)));

        assertThat(ReadModels.rebuilding(status)).isTrue();
        // what the status read before: Axon hands its token out with the replay unwrapped
        assertThat(status.getTrackingToken()).isNotInstanceOf(ReplayToken.class);
    }

    @Test
    void aRebuildThatReachedThatEventOrNoRebuildIsNot() {
        TrackingToken reached = ReplayToken.createReplayToken(LAST_AT_RESET, new GlobalSequenceTrackingToken(295));

        assertThat(ReadModels.rebuilding(new TrackerStatus(Segment.ROOT_SEGMENT, reached))).isFalse();
        assertThat(ReadModels.rebuilding(new TrackerStatus(Segment.ROOT_SEGMENT, LAST_AT_RESET))).isFalse();
    }
}
