package org.vigil.query.demo;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo clinic ({@code vigil.demo.*}, demo profile only).
 *
 * @param seed      picks every simulated patient, so the demo is the same each time
 * @param speed     simulated seconds per real second
 * @param scenarios scenario per chair; chairs not named play the normal ketamine response
 * @param pumpScenarios pump scenario per chair; chairs not named infuse normally
 * @param freeChairs    chairs whose monitors send but whose sessions the demo leaves to a person at the station
 */
@ConfigurationProperties("vigil.demo")
public record DemoProperties(@DefaultValue("2026") long seed, @DefaultValue("1.0") double speed,
                             @DefaultValue Map<String, String> scenarios,
                             @DefaultValue Map<String, String> pumpScenarios,
                             @DefaultValue List<String> freeChairs) {
}
