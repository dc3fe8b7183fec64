package org.vigil.query.influx;

/** InfluxDB did not take a write; the projection retries the same events later, from its token. */
class InfluxUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    InfluxUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
