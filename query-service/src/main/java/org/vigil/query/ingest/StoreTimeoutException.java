package org.vigil.query.ingest;

import java.time.Duration;

/** A device message was not stored within the store timeout; the device is answered {@code AE} and resends. */
class StoreTimeoutException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    StoreTimeoutException(Duration timeout) {
        super("the record store did not answer within " + timeout.toMillis() + " ms");
    }
}
