package dev.keel.cache;

import dev.keel.config.KeelConfig;
import dev.keel.config.KeelFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProjectCacheTest {
    @TempDir
    Path project;

    record Value(String text, List<Integer> numbers) {}

    private static KeelConfig config(String label) {
        return KeelConfig.parse("{\"apps\": [{\"label\": \"" + label + "\", \"package\": \"com.acme." + label + "\"}]}",
                "keel.json");
    }

    @Test
    void aDocumentIsReadBackUnderItsKeyOnly() {
        ProjectCache cache = ProjectCache.of(project, config("blog"));
        cache.write("doc", "key-1", new Value("a", List.of(1, 2)));

        assertEquals(Optional.of(new Value("a", List.of(1, 2))), cache.read("doc", "key-1", Value.class));
        assertEquals(Optional.empty(), cache.read("doc", "key-2", Value.class));
        assertEquals(Optional.empty(), cache.read("other", "key-1", Value.class));
        assertTrue(Files.isRegularFile(project.resolve(KeelFolder.NAME).resolve(ProjectCache.FOLDER).resolve("doc.json")));
        assertTrue(Files.isRegularFile(project.resolve(KeelFolder.NAME).resolve(".gitignore")));
    }

    @Test
    void aDamagedOrForeignDocumentIsIgnoredAndReplacedByTheNextWrite() throws IOException {
        ProjectCache cache = ProjectCache.of(project, config("blog"));
        cache.write("doc", "k", new Value("a", List.of()));
        Path file = cache.file("doc");
        for (String damaged : List.of("{\"format\": 1, \"key\": \"k\", \"value\": {\"text\": ", "not json at all", "",
                "{\"format\": 999, \"key\": \"k\", \"value\": {\"text\": \"a\", \"numbers\": []}}",
                "{\"format\": 1, \"key\": \"k\", \"value\": {\"unknown\": 1}}")) {
            Files.writeString(file, damaged);
            assertEquals(Optional.empty(), cache.read("doc", "k", Value.class), damaged);
        }
        cache.write("doc", "k", new Value("b", List.of(3)));
        assertEquals(Optional.of(new Value("b", List.of(3))), cache.read("doc", "k", Value.class));
    }

    @Test
    void theSaltChangesWithTheConfigurationAndNotOtherwise() {
        assertEquals(ProjectCache.of(project, config("blog")).salt(), ProjectCache.of(project, config("blog")).salt());
        assertNotEquals(ProjectCache.of(project, config("blog")).salt(), ProjectCache.of(project, config("shop")).salt());
    }

    @Test
    void theBuildOfKeelIsPartOfTheSalt() {
        String build = ProjectCache.build(ProjectCache.class);
        assertTrue(build.contains("classes") || build.endsWith(".jar") || build.matches(".* \\d+ \\d+"), build);
        assertFalse(build.contains("unreadable"), build);
    }

    @Test
    void theDisabledCacheReadsAndWritesNothing() {
        ProjectCache.NONE.write("doc", "k", new Value("a", List.of()));
        assertEquals(Optional.empty(), ProjectCache.NONE.read("doc", "k", Value.class));
        assertFalse(Files.exists(project.resolve(KeelFolder.NAME)));
    }

    @Test
    void anUnwritableCacheFailsNothing() throws IOException {
        Files.writeString(project.resolve(KeelFolder.NAME), "a file where the folder should be");
        ProjectCache cache = ProjectCache.of(project, config("blog"));
        cache.write("doc", "k", new Value("a", List.of()));
        assertEquals(Optional.empty(), cache.read("doc", "k", Value.class));
    }
}
