package org.vigil.query.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.vigil.core.api.DeviceReport;
import org.vigil.core.api.MessageKey;

/**
 * Stores each device message once, whatever aggregate it is routed to: a command handler interceptor on the record
 * commands that runs inside the command's unit of work and transaction, before the aggregate. A message is known by
 * its sender and control id ({@link MessageKey}) and a hash of its content ({@link PayloadHash}):
 * <ul>
 *   <li>same key, same content — a resend of a stored message: nothing is recorded, the answer is
 *       {@link Admission#DUPLICATE} (the device gets {@code AA});</li>
 *   <li>same key, other content — a sender that reset its counter: recorded, counted
 *       ({@code vigil.ingest.messages{kind=reused-control-id}}) and logged;</li>
 *   <li>a new key: recorded.</li>
 * </ul>
 * The row of the {@code received_message} table is written in the same transaction as the events, so a message is
 * remembered if and only if it is stored, across restarts and whether a session starts or ends in between. Rows are
 * kept for the duplicate window ({@link ReceivedMessagesRetention}).
 *
 * <p>Registered on the command bus by Axon's Spring Boot support, as every command handler interceptor bean is.
 */
@Component
class DuplicateCheck implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(DuplicateCheck.class);
    private static final String RECORDED = DuplicateCheck.class.getName() + ".recorded";

    private final EntityManager entityManager;
    private final Counter duplicates;
    private final Counter reused;

    DuplicateCheck(EntityManager entityManager, MeterRegistry meters) {
        this.entityManager = entityManager;
        this.duplicates = Counter.builder("vigil.ingest.messages").tag("kind", "duplicate")
                .description("device messages stored before, not stored again").register(meters);
        this.reused = Counter.builder("vigil.ingest.messages").tag("kind", "reused-control-id")
                .description("device messages stored under a control id their sender had used for other content")
                .register(meters);
    }

    /**
     * The content hashes stored under {@code key}: those committed, read straight from the table on the
     * transaction's connection — not through a query, which would first write out everything the transaction has
     * pending (Hibernate's flush before a query), once per message of a group — and those recorded earlier in this
     * same transaction.
     */
    private Set<Long> storedHashes(UnitOfWork<?> unitOfWork, MessageKey key) {
        Set<Long> hashes = new HashSet<>(recordedInThisTransaction(unitOfWork).getOrDefault(key, Set.of()));
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select payload_hash from received_message where sender = ? and control_id = ?")) {
                select.setString(1, key.sender());
                select.setString(2, key.controlId());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        hashes.add(rows.getLong(1));
                    }
                }
            }
        });
        return hashes;
    }

    /** The messages recorded so far in the transaction of {@code unitOfWork}: a group's, or a command's own. */
    private static Map<MessageKey, Set<Long>> recordedInThisTransaction(UnitOfWork<?> unitOfWork) {
        return unitOfWork.root().getOrComputeResource(RECORDED, k -> new HashMap<>());
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        DeviceReport report = RecordCommands.reportOf(unitOfWork.getMessage().getPayload());
        if (report == null) {
            return chain.proceed();
        }
        MessageKey key = report.messageKey();
        long hash = PayloadHash.of(report);
        Set<Long> stored = storedHashes(unitOfWork, key);
        if (stored.contains(hash)) {
            unitOfWork.afterCommit(u -> duplicates.increment());
            return Admission.DUPLICATE;
        }
        entityManager.persist(new ReceivedMessage(key.sender(), key.controlId(), hash, report.receivedAt()));
        recordedInThisTransaction(unitOfWork).computeIfAbsent(key, k -> new HashSet<>()).add(hash);
        chain.proceed();
        if (stored.isEmpty()) {
            return Admission.NEW;
        }
        unitOfWork.afterCommit(u -> {
            reused.increment();
            log.warn("Control id {} of {} was used before for another message; stored this one too (the sender "
                    + "may have reset its counter)", key.controlId(), key.sender());
        });
        return Admission.REUSED_CONTROL_ID;
    }
}
