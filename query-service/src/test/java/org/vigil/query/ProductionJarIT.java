package org.vigil.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * The executable jar a clinic runs, {@code target/vigil.jar} as the package phase built it, holds no class of the
 * simulator, neither among its own classes nor in the libraries it carries: the demo clinic is the demo module's.
 */
class ProductionJarIT {

    private static final Path JAR = Path.of("target", "vigil.jar");
    private static final String SIMULATOR = "org/vigil/simulator/";

    @Test
    void theClinicalJarCarriesNoSimulatorClass() throws IOException {
        assertThat(JAR).as("%s, built by the package phase before the integration tests", JAR.toAbsolutePath())
                .isRegularFile();
        List<String> found = new ArrayList<>();
        try (InputStream in = Files.newInputStream(JAR)) {
            collectSimulatorClasses(in, JAR.toString(), found);
        }
        assertThat(found).as("simulator classes in %s", JAR).isEmpty();
    }

    /** Every simulator class in the archive, and in every jar nested in it (Spring Boot's BOOT-INF/lib). */
    private static void collectSimulatorClasses(InputStream archive, String where, List<String> found)
            throws IOException {
        ZipInputStream zip = new ZipInputStream(archive);
        for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
            String name = entry.getName();
            if (name.endsWith(".jar")) {
                collectSimulatorClasses(zip, where + "!/" + name, found);
            } else if (name.endsWith(".class")
                    && (name.startsWith(SIMULATOR) || name.startsWith("BOOT-INF/classes/" + SIMULATOR))) {
                found.add(where + "!/" + name);
            }
        }
    }
}
