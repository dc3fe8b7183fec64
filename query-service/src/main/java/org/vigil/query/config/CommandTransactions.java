package org.vigil.query.config;

import java.time.Duration;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * Axon's transactions, with a timeout on those of commands ({@code vigil.ingest.transaction-timeout}). Hibernate
 * gives each statement of a transaction with a timeout the time that remains as its JDBC query timeout, so a command
 * whose database stops answering has its statements cancelled and frees its thread, instead of holding it for as
 * long as the database hangs. Event processors' own transactions (a tracking processor's batch) have none: they
 * may legitimately run long. A subscribing processor and a command sent from a handler join the transaction of the
 * command that published the event, and with it its timeout.
 *
 * <p>A database that cannot cancel a statement (the embedded SQLite file locked by another process, a PostgreSQL
 * server that is stopped rather than slow) still holds the thread until it answers or the driver's socket timeout ends the
 * wait; devices are answered in time all the same ({@link org.vigil.query.ingest.ReportIngest}).
 */
final class CommandTransactions implements TransactionManager {

    private final TransactionManager commands;
    private final TransactionManager others;

    CommandTransactions(PlatformTransactionManager transactions, Duration commandTimeout) {
        DefaultTransactionDefinition timed = new DefaultTransactionDefinition();
        timed.setTimeout((int) Math.max(1, Math.ceil(commandTimeout.toMillis() / 1000.0)));
        this.commands = new SpringTransactionManager(transactions, timed);
        this.others = new SpringTransactionManager(transactions);
    }

    @Override
    public Transaction startTransaction() {
        boolean command = CurrentUnitOfWork.isStarted()
                && CurrentUnitOfWork.get().getMessage() instanceof CommandMessage;
        return (command ? commands : others).startTransaction();
    }
}
