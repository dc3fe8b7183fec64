package org.vigil.query.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A PostgreSQL data directory as {@code initdb} leaves it, made once per test JVM and copied for each server, so
 * that a test does not wait for {@code initdb} (seconds on a busy machine). Each server still gets a directory of
 * its own; the copy is deleted when the JVM exits.
 */
final class InitialisedCluster {

    private static Path template;

    private InitialisedCluster() {
    }

    /** Fills the empty or absent {@code dataDir} with a fresh cluster, ready for the postmaster. */
    static synchronized void copyTo(Path dataDir) throws IOException {
        if (template == null) {
            template = initialise();
        }
        Files.createDirectories(dataDir);
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(template)) {
            files = walk.filter(file -> !file.equals(template)).toList();
        }
        for (Path file : files) {
            Files.copy(file, dataDir.resolve(template.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    private static Path initialise() throws IOException {
        Path dir = Files.createTempDirectory("vigil-postgres-cluster");
        EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false).start().close();
        Files.deleteIfExists(dir.resolve("epg-lock"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir), "delete-postgres-cluster"));
        return dir;
    }

    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
