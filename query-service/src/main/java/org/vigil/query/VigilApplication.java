package org.vigil.query;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.vigil.query.record.VerifyRecordCommand;

/** Vigil's one application: device listeners, the event store, projections, the API and the live stream. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class VigilApplication {

    /** Runs Vigil, or with the first argument {@code verify-record}, verifies the record of a store and exits. */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("verify-record")) {
            System.exit(VerifyRecordCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        // A clinical system does not phone home (docs/DESIGN.md, "Runtime").
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        SpringApplication.run(VigilApplication.class, args);
    }
}
