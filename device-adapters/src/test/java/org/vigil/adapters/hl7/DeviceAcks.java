package org.vigil.adapters.hl7;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.vigil.simulator.hl7.Acknowledgement;
import org.vigil.simulator.hl7.AcknowledgementDecoder;
import org.vigil.simulator.mllp.MllpFrameDecoder;

/** What a device read back on its line, read with the simulator's own MLLP deframer and ACK reader. */
final class DeviceAcks {

    private final List<String> texts = new CopyOnWriteArrayList<>();
    private MllpFrameDecoder decoder = new MllpFrameDecoder(1 << 20);

    /** Called from the device's reader thread only. */
    void feed(byte[] bytes, int count) {
        for (MllpFrameDecoder.Result result : decoder.feed(bytes, 0, count)) {
            if (result instanceof MllpFrameDecoder.Frame frame) {
                texts.add(frame.text());
            }
        }
    }

    /** A new line: whatever half frame the old one left is gone. */
    void restart() {
        decoder = new MllpFrameDecoder(1 << 20);
    }

    List<String> texts() {
        return List.copyOf(texts);
    }

    List<Acknowledgement> acks() {
        return texts.stream().map(text -> AcknowledgementDecoder.decode(text).orElseThrow(
                () -> new AssertionError("not an acknowledgement: " + text.replace('\r', '\n')))).toList();
    }
}
