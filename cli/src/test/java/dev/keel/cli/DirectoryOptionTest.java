package dev.keel.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.keel.cli.KeelRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code keel -C DIR}: the project folder, as git -C. */
class DirectoryOptionTest {
    @TempDir Path dir;

    private static MigrationSource recording(List<Path> seen) {
        return (config, project) -> {
            seen.add(project);
            return List.of(KeelRun.spec("blog.0001_initial"));
        };
    }

    @Test
    void dashCNamesTheProjectFolder() throws Exception {
        KeelRun.project(dir);
        List<Path> seen = new ArrayList<>();
        KeelRun r = run(recording(seen), "-C", dir.toString(), "showmigrations", "blog");
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of(dir.toAbsolutePath().normalize()), seen);
        assertTrue(r.out().contains("[ ] 0001_initial"), r.out());
    }

    @Test
    void repeatedDashCIsRelativeToThePreviousOne() throws Exception {
        Path project = Files.createDirectories(dir.resolve("apps/blog"));
        KeelRun.project(project);
        List<Path> seen = new ArrayList<>();
        KeelRun r = run(recording(seen), "-C", dir.toString(), "-C", "apps", "-C", "blog/../blog", "showmigrations");
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of(project.toAbsolutePath().normalize()), seen);
    }

    @Test
    void withoutDashCTheCurrentFolderIsTheProject() {
        Path cwd = Path.of("").toAbsolutePath();
        if (Files.exists(cwd.resolve("keel.json"))) {
            return; // the assertion below needs a folder without keel.json
        }
        KeelRun r = run(KeelRun.source(), "showmigrations");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("error: " + cwd.resolve("keel.json") + ": no keel.json here."), r.err());
    }

    @Test
    void dashCToAMissingFolderIsAUsageError() {
        KeelRun r = run(KeelRun.source(), "-C", dir.resolve("nope").toString(), "showmigrations");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("error: " + dir.resolve("nope") + ": no such folder"), r.err());
        assertTrue(r.err().contains("To fix: give -C the project folder"), r.err());
    }
}
