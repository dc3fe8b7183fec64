package org.vigil.simulator.intellivue;

/**
 * What a simulated monitor's port has seen so far.
 *
 * @param linkUp        whether the serial device is open or a TCP client is connected right now
 * @param linksOpened   serial opens or TCP clients accepted so far
 * @param associations  Association Requests answered
 * @param pollsAnswered poll requests answered with numerics
 * @param rejected      damaged frames and unexpected messages from clients
 * @param bytesIn       bytes read from clients
 * @param bytesOut      bytes written to clients
 */
public record IntelliVueMonitorStatistics(boolean linkUp, long linksOpened, long associations, long pollsAnswered,
                                          long rejected, long bytesIn, long bytesOut) {

    public static final IntelliVueMonitorStatistics NONE = new IntelliVueMonitorStatistics(false, 0, 0, 0, 0, 0, 0);
}
