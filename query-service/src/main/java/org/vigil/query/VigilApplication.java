package org.vigil.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Vigil's one application: device listeners, the event store, projections, the API and the live stream. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class VigilApplication {

    public static void main(String[] args) {
        // A clinical system does not phone home (docs/DESIGN.md, "Runtime").
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        SpringApplication.run(VigilApplication.class, args);
    }
}
