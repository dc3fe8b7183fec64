package org.vigil.query.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores device messages in groups: every record command that arrived while the previous group was being stored
 * is handled in one unit of work and one database transaction, and each message's stage completes only once that
 * transaction has committed — so no device is answered {@code AA} before its message is durable, and the store
 * pays one commit for many messages instead of one each. The embedded store has one writer, so messages were stored
 * one after the other before as well; what a group saves is the transaction around each of them.
 *
 * <p>Each command of a group runs as Axon runs any command, in a unit of work nested in the group's: its handler,
 * duplicate check and aggregate run at once, while its events are stored, and the alarm decisions made on them, when
 * the group commits, in the order the commands ran. Anything registered to happen after a command's commit happens
 * after the group's. The aggregates a group loaded stay locked until it has committed.
 *
 * <p>When any command of a group fails, or the group's commit does, nothing of the group is stored; its commands are
 * then stored one by one, each in a transaction of its own, so that one bad message (a rule that throws, say) fails
 * alone, exactly as if it had come on its own. Only a store that cannot be reached fails the whole group at once:
 * storing its messages again one by one would only hold the devices' answers longer.
 *
 * <p>One thread stores the groups, so a hung store holds that thread; the devices are answered {@code AE} in time all
 * the same ({@link ReportIngest}), and a message whose time ran out while it waited is never started.
 */
public class GroupCommit implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private final CommandGateway commands;
    private final TransactionManager transactions;
    private final int limit;
    private final BlockingQueue<Pending> waiting;
    private final DistributionSummary groupSizes;
    private final Counter retried;
    private final Thread committer;
    private volatile boolean closed;
    private volatile boolean storing;

    /**
     * @param limit the most messages stored in one transaction
     */
    public GroupCommit(CommandGateway commands, TransactionManager transactions, int limit, int capacity,
                       MeterRegistry meters) {
        if (limit < 1) {
            throw new IllegalArgumentException("a group holds at least one message, not " + limit);
        }
        this.commands = commands;
        this.transactions = transactions;
        this.limit = limit;
        this.waiting = new LinkedBlockingQueue<>(capacity);
        this.groupSizes = DistributionSummary.builder("vigil.ingest.group.size")
                .description("device messages stored in one transaction").register(meters);
        this.retried = Counter.builder("vigil.ingest.group.retried")
                .description("groups that failed and whose messages were stored again one by one").register(meters);
        this.committer = new Thread(this::run, "ingest-group-commit");
        this.committer.setDaemon(true);
        this.committer.start();
    }

    /**
     * Stores the command {@code command} gives, with whatever other commands are waiting, once the commands before
     * it are stored. The command is asked for only when its group starts, so that it is routed on the latest state.
     *
     * @param deadline the {@link System#nanoTime()} after which the command is not started any more
     * @return the command's result, completed after its transaction committed
     */
    public CompletableFuture<Object> submit(Supplier<Object> command, long deadline) {
        Pending pending = new Pending(command, deadline, new CompletableFuture<>());
        if (closed || !waiting.offer(pending)) {
            pending.result.completeExceptionally(new IllegalStateException(closed
                    ? "the record store is shutting down" : "too many device messages wait to be stored"));
        }
        return pending.result;
    }

    /** How many messages wait for the group being stored to commit. */
    public int waiting() {
        return waiting.size();
    }

    /** Whether no message is being stored or waits to be: a store that hangs no longer holds the ingest. */
    public boolean idle() {
        return !storing && waiting.isEmpty();
    }

    @Override
    public void close() {
        closed = true;
        committer.interrupt();
    }

    private void run() {
        List<Pending> group = new ArrayList<>(limit);
        while (!closed) {
            try {
                group.add(waiting.take());
            } catch (InterruptedException e) {
                break;
            }
            storing = true;
            waiting.drainTo(group, limit - 1);
            try {
                store(group);
            } catch (RuntimeException | Error e) {
                log.error("A group of {} device messages could not be stored", group.size(), e);
                group.forEach(p -> p.result.completeExceptionally(e));
                leaveNothingBound();
            } finally {
                group.clear();
                storing = false;
            }
        }
        List<Pending> left = new ArrayList<>();
        waiting.drainTo(left);
        left.forEach(p -> p.result.completeExceptionally(new IllegalStateException(
                "the record store is shutting down")));
    }

    private void store(List<Pending> group) {
        List<Pending> started = new ArrayList<>(group.size());
        long now = System.nanoTime();
        for (Pending pending : group) {
            if (now - pending.deadline >= 0) {
                pending.result.completeExceptionally(new TimeoutException("not started before its deadline"));
            } else {
                started.add(pending);
            }
        }
        groupSizes.record(started.size());
        if (started.size() == 1) {
            storeAlone(started.get(0));
        } else if (!started.isEmpty()) {
            storeTogether(started);
        }
    }

    private void storeTogether(List<Pending> group) {
        Object[] results = new Object[group.size()];
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(
                GenericCommandMessage.asCommandMessage(new StoreMessages(group.size())));
        Transaction transaction = null;
        try {
            transaction = transactions.startTransaction();
            Transaction started = transaction;
            unitOfWork.onCommit(u -> started.commit());
            unitOfWork.onRollback(u -> started.rollback());
            for (int i = 0; i < group.size(); i++) {
                results[i] = commands.sendAndWait(group.get(i).command.get());
            }
            unitOfWork.commit();
        } catch (RuntimeException e) {
            abandon(unitOfWork, transaction, e);
            if (StoreFailures.unreachable(e)) {
                group.forEach(p -> p.result.completeExceptionally(e));
            } else {
                retried.increment();
                group.forEach(this::storeAlone);
            }
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            group.get(i).result.complete(results[i]);
        }
    }

    /**
     * Rolls the group's unit of work back and leaves this thread as it found it, whatever fails meanwhile. A store
     * that has gone away fails the rollback too, and a rollback handler that throws would keep the transaction's
     * rollback from running: then the transaction, its connection dead, would stay bound to this thread and every
     * later group would join it and fail ("Connection is closed") long after the store is back. So the transaction
     * is rolled back here as well (a second rollback of a completed one is refused and ignored) and no unit of work
     * is left current.
     */
    private static void abandon(UnitOfWork<?> unitOfWork, Transaction transaction, RuntimeException cause) {
        try {
            if (unitOfWork.isActive() && unitOfWork.phase().isBefore(UnitOfWork.Phase.ROLLBACK)) {
                unitOfWork.rollback(cause);
            }
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        } finally {
            if (transaction != null) {
                try {
                    transaction.rollback();
                } catch (RuntimeException alreadyCompleted) {
                    // rolled back (or its rollback attempted) with the unit of work
                }
            }
            while (CurrentUnitOfWork.isStarted()) {
                CurrentUnitOfWork.clear(CurrentUnitOfWork.get());
            }
        }
    }

    /**
     * After a failure that escaped every unit of work's own clean-up (an {@link Error} thrown by a JDBC driver
     * whose server has just gone away, say), this thread may still hold a unit of work and a transaction whose
     * connection is dead. Every later group would join that transaction and fail ("Connection is closed") long after
     * the store is back; so they are dropped here, the entity manager closed (its dead connection goes back to the
     * pool, which discards it), and the next group starts afresh.
     */
    private static void leaveNothingBound() {
        while (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.clear(CurrentUnitOfWork.get());
        }
        if (TransactionSynchronizationManager.getResourceMap().isEmpty()
                && !TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        log.warn("A transaction was left open on the group commit's thread after a failure; it is dropped");
        TransactionSynchronizationManager.clear();
        for (Object key : List.copyOf(TransactionSynchronizationManager.getResourceMap().keySet())) {
            Object resource = TransactionSynchronizationManager.unbindResourceIfPossible(key);
            if (resource instanceof EntityManagerHolder holder) {
                EntityManagerFactoryUtils.closeEntityManager(holder.getEntityManager());
            }
        }
    }

    private void storeAlone(Pending pending) {
        try {
            pending.result.complete(commands.sendAndWait(pending.command.get()));
        } catch (RuntimeException e) {
            pending.result.completeExceptionally(e);
        }
    }

    private record Pending(Supplier<Object> command, long deadline, CompletableFuture<Object> result) {
    }

    /** The message of a group's unit of work: how many device messages it stores. */
    record StoreMessages(int count) {
    }
}
