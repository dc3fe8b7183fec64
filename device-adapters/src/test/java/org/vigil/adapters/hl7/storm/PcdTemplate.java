package org.vigil.adapters.hl7.storm;

import org.vigil.adapters.hl7.wire.Pcd01Examples;

/** The NIST gateway's PCD-01 example with its control id (MSH-10) made a placeholder, so each message is new. */
final class PcdTemplate {

    static final String CONTROL_ID = "0104ef190d604db188c3";

    private PcdTemplate() {
    }

    static String nistGateway() {
        String example = Pcd01Examples.load(Pcd01Examples.NIST_GATEWAY_NIBP);
        if (!example.contains("|" + CONTROL_ID + "|")) {
            throw new IllegalStateException("the example no longer carries control id " + CONTROL_ID);
        }
        return example;
    }
}
