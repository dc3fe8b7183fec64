package org.vigil.simulator.pump;

import java.util.List;

/** What a serial or TCP endpoint hands the received bytes to: the pump, which returns its reply frames. */
interface ByteLink {

    List<byte[]> receive(CommandFramer framer, byte[] bytes, int length);
}
