package org.vigil.query.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.api.AddSessionNoteCommand;
import org.vigil.core.api.SessionId;
import org.vigil.query.RunningVigil;
import org.vigil.query.record.RecordTampering;
import org.vigil.query.record.RecordTampering.Place;
import org.vigil.query.record.RecordVerification;

/**
 * On the embedded store Vigil numbers the events it appends and inserts them in batches
 * ({@link NumberedEventInserts}): the events of one transaction, stored at its commit in the order their commands
 * ran, get the numbers after the highest stored, one after the other, and their hash chain verifies; a transaction
 * that rolls back leaves no number taken.
 */
class NumberedEventInsertsIT {

    @TempDir
    Path data;

    @Test
    void theEventsOfATransactionAreNumberedAfterTheHighestInTheOrderTheirCommandsRan() throws Exception {
        try (RunningVigil vigil = RunningVigil.start(data)) {
            // given a record with two sessions
            SessionId first = vigil.startSession("chair-1", 120, 80);
            SessionId second = vigil.startSession("chair-2", 130, 85);
            long highest = highest();

            // when one transaction stores five notes for the two sessions, alternately, as a group of device
            // messages is stored
            inOneTransaction(vigil, () -> {
                for (int n = 0; n < 5; n++) {
                    vigil.command(note(n % 2 == 0 ? first : second, "note " + n));
                }
            });

            // then they have the next five numbers, in the order the commands ran
            List<Place> stored = after(highest);
            assertThat(stored).extracting(Place::globalIndex)
                    .containsExactly(highest + 1, highest + 2, highest + 3, highest + 4, highest + 5);
            assertThat(stored).extracting(Place::aggregate).containsExactly(first.value(), second.value(),
                    first.value(), second.value(), first.value());

            // and the record verifies, each event with its hash
            assertThat(vigil.context().getBean(RecordVerification.class).verifyAll().intact()).isTrue();
            assertThat(vigil.stored(Object.class)).hasSize((int) highest + 5); // each read back and deserialised
        }
    }

    @Test
    void aTransactionThatRollsBackLeavesNoNumberTaken() throws Exception {
        try (RunningVigil vigil = RunningVigil.start(data)) {
            // given a record with a session
            SessionId session = vigil.startSession("chair-1", 120, 80);
            long highest = highest();

            // when a transaction rolls back after its two notes were written to the store, before its commit
            assertThatThrownBy(() -> inOneTransaction(vigil, () -> {
                vigil.command(note(session, "kept?"));
                vigil.command(note(session, "kept?"));
                CurrentUnitOfWork.get().root().onPrepareCommit(u -> {
                    assertThat(written(vigil)).isEqualTo(2);
                    throw new IllegalStateException("the group's commit failed");
                });
            })).hasMessage("the group's commit failed");
            assertThat(after(highest)).isEmpty();

            // then the next note has the number after the highest stored
            vigil.command(note(session, "after the rollback"));
            assertThat(after(highest)).extracting(Place::globalIndex).containsExactly(highest + 1);
            assertThat(vigil.context().getBean(RecordVerification.class).verifyAll().intact()).isTrue();
        }
    }

    /** The events the current transaction has written to the store, seen through its own connection. */
    private static long written(RunningVigil vigil) {
        EntityManager entityManager = vigil.context().getBean(EntityManagerProvider.class).getEntityManager();
        return ((Number) entityManager.createNativeQuery("select count(*) from domain_event_entry where "
                + "payload_type like '%SessionNoteAddedEvent'").getSingleResult()).longValue();
    }

    private static AddSessionNoteCommand note(SessionId session, String text) {
        return new AddSessionNoteCommand(session, text, "nurse", Instant.now());
    }

    /** Runs {@code work} in one unit of work and one transaction, as a group of device messages is stored. */
    private static void inOneTransaction(RunningVigil vigil, Runnable work) {
        TransactionManager transactions = vigil.context().getBean(TransactionManager.class);
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("group"));
        Transaction transaction = transactions.startTransaction();
        unitOfWork.onCommit(u -> transaction.commit());
        unitOfWork.onRollback(u -> transaction.rollback());
        try {
            work.run();
        } catch (RuntimeException e) {
            unitOfWork.rollback(e);
            throw e;
        }
        unitOfWork.commit();
    }

    private long highest() throws SQLException {
        List<Place> events = events();
        return events.get(events.size() - 1).globalIndex();
    }

    private List<Place> after(long globalIndex) throws SQLException {
        return events().stream().filter(event -> event.globalIndex() > globalIndex).toList();
    }

    private List<Place> events() throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                "jdbc:sqlite:" + data.resolve("vigil.db").toAbsolutePath() + "?busy_timeout=10000")) {
            return RecordTampering.events(connection);
        }
    }
}
