package dev.keel.project;

import dev.keel.migration.Migration;
import dev.keel.operations.Operation;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * keel-state builds on keel-api, which knows nothing of it: the API's classes come from an archive of
 * their own, and the two archives share no package (a package split across two jars breaks the module
 * path and sealed packages, and would let keel-state reach into package-private API code).
 */
class ApiBoundaryTest {

    @Test
    void theApiAndTheStateAreTwoArchivesWithNoPackageInCommon() throws Exception {
        Path api = location(Migration.class);
        Path state = location(ProjectState.class);
        assertNotEquals(api, state);
        assertEquals(api, location(Operation.class));
        assertEquals(state, location(StateTransitions.class));

        Set<String> apiPackages = packages(api);
        Set<String> statePackages = packages(state);
        assertTrue(apiPackages.containsAll(Set.of("dev.keel.migration", "dev.keel.operations", "dev.keel.state", "dev.keel.error")),
                "keel-api: " + apiPackages);
        assertTrue(statePackages.containsAll(Set.of("dev.keel.project", "dev.keel.graph", "dev.keel.load")),
                "keel-state: " + statePackages);
        var shared = new TreeSet<>(apiPackages);
        shared.retainAll(statePackages);
        assertEquals(Set.of(), shared, "packages both in keel-api (" + api + ") and keel-state (" + state + ")");
    }

    /** The packages holding classes in a folder of classes or a jar. */
    static Set<String> packages(Path archive) throws IOException {
        var packages = new TreeSet<String>();
        if (Files.isDirectory(archive)) {
            try (Stream<Path> files = Files.walk(archive)) {
                files.filter(f -> f.toString().endsWith(".class"))
                        .map(f -> archive.relativize(f.getParent()).toString().replace(archive.getFileSystem().getSeparator(), "."))
                        .forEach(packages::add);
            }
        } else {
            try (var jar = new JarFile(archive.toFile())) {
                jar.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class") && n.contains("/"))
                        .map(n -> n.substring(0, n.lastIndexOf('/')).replace('/', '.'))
                        .forEach(packages::add);
            }
        }
        return packages;
    }

    static Path location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
