package org.vigil.query.ingest;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * One device message stored: its sender, its control id and a hash of its content, written in the transaction that
 * stores the message's event ({@link DuplicateCheck}). The key is the primary key, so two copies of one message
 * handled at once cannot both commit. Rows older than the duplicate window are deleted
 * ({@link ReceivedMessagesRetention}); the index on {@code received_at} serves that deletion.
 */
@Entity
@Table(name = "received_message", indexes = @Index(name = "received_message_received_at", columnList = "received_at"))
class ReceivedMessage {

    @EmbeddedId
    private Key key;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    protected ReceivedMessage() {
    }

    ReceivedMessage(String sender, String controlId, long payloadHash, Instant receivedAt) {
        this.key = new Key(sender, controlId, payloadHash);
        this.receivedAt = receivedAt;
    }

    /** Sender (HL7 MSH-3), control id (MSH-10) and the content hash of one stored message. */
    @Embeddable
    static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        @Column(name = "sender", length = 255, nullable = false)
        private String sender;

        @Column(name = "control_id", length = 255, nullable = false)
        private String controlId;

        @Column(name = "payload_hash", nullable = false)
        private long payloadHash;

        protected Key() {
        }

        Key(String sender, String controlId, long payloadHash) {
            this.sender = sender;
            this.controlId = controlId;
            this.payloadHash = payloadHash;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && payloadHash == key.payloadHash && sender.equals(key.sender)
                    && controlId.equals(key.controlId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(sender, controlId, payloadHash);
        }
    }
}
