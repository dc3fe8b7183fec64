package org.vigil.query.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CommittedChainEndsTest {

    private static final byte[] FIRST = {1};
    private static final byte[] SECOND = {2};
    private static final byte[] OTHER = {9};

    @Test
    void knowsTheHashOfTheLastCommittedEventOfAnAggregate() {
        // given
        CommittedChainEnds ends = new CommittedChainEnds(10);

        // when
        ends.committed(Map.of(new EventHash.Key("session-1", 4), FIRST, new EventHash.Key("session-1", 5), SECOND));

        // then
        assertThat(ends.hash("session-1", 5)).isEqualTo(SECOND);
    }

    @Test
    void answersOnlyForTheEventItNames() {
        // given
        CommittedChainEnds ends = new CommittedChainEnds(10);
        ends.committed(Map.of(new EventHash.Key("session-1", 5), SECOND));

        // then: another node may have stored events 6 and 7 since; their hashes are read from the store
        assertThat(ends.hash("session-1", 7)).isNull();
        assertThat(ends.hash("session-1", 4)).isNull();
        assertThat(ends.hash("session-2", 5)).isNull();
    }

    @Test
    void keepsTheLaterEventWhenAnEarlierCommitsAfterIt() {
        // given
        CommittedChainEnds ends = new CommittedChainEnds(10);
        ends.committed(Map.of(new EventHash.Key("session-1", 5), SECOND));

        // when
        ends.committed(Map.of(new EventHash.Key("session-1", 3), OTHER));

        // then
        assertThat(ends.hash("session-1", 5)).isEqualTo(SECOND);
        assertThat(ends.hash("session-1", 3)).isNull();
    }

    @Test
    void forgetsTheLeastRecentlyStoredAggregateWhenFull() {
        // given
        CommittedChainEnds ends = new CommittedChainEnds(2);
        ends.committed(Map.of(new EventHash.Key("session-1", 0), FIRST));
        ends.committed(Map.of(new EventHash.Key("session-2", 0), FIRST));

        // when
        ends.committed(Map.of(new EventHash.Key("session-3", 0), FIRST));

        // then
        assertThat(ends.hash("session-1", 0)).isNull();
        assertThat(ends.hash("session-2", 0)).isEqualTo(FIRST);
        assertThat(ends.hash("session-3", 0)).isEqualTo(FIRST);
    }
}
