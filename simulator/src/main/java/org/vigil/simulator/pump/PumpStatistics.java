package org.vigil.simulator.pump;

import org.vigil.simulator.mllp.DeliveryStatistics;

/**
 * Counts of one simulated pump.
 *
 * @param commandsReceived good command frames received over serial or TCP
 * @param badFrames        command frames dropped: bad CRC, stray bytes, oversize
 * @param repliesSent      reply frames sent
 * @param commandsIgnored  commands received while the pump was not answering ({@code stops-answering})
 * @param serialOpens      times the serial path was opened
 * @param tcpConnections   terminal-server connections accepted
 * @param hl7Queued        HL7 messages produced for sending
 * @param hl7Dropped       HL7 messages dropped because the backlog was full
 * @param hl7              how the MLLP receiver acknowledged them
 */
public record PumpStatistics(long commandsReceived, long badFrames, long repliesSent, long commandsIgnored,
                             long serialOpens, long tcpConnections, long hl7Queued, long hl7Dropped,
                             DeliveryStatistics hl7) {
}
