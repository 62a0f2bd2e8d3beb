package dev.keel.runner;

import dev.keel.config.KeelConfig;
import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.migration.MigrationKey;
import dev.keel.runner.MigrationStatus.Mark;
import dev.keel.runner.support.Db;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Applied migrations against their files: a changed file, a formatting-only change, a missing file, the repair. */
class HistoryFilesTest {
    static final Path BLOG = Path.of("..", "src-samples", "blog");

    @TempDir Path project;
    Path migrations;

    @BeforeEach
    void copySample() throws IOException {
        try (Stream<Path> files = Files.walk(BLOG)) {
            for (Path f : files.toList()) {
                Path to = project.resolve(BLOG.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        migrations = project.resolve("src/main/java/com/example/blog/migrations");
    }

    private MigrationSet read() {
        return MigrationSet.read(KeelConfig.read(project), project);
    }

    private Migrator migrator(Db db) {
        return Specs.migrator(db, read(), Specs.FAST, MigrateListener.silent());
    }

    @Test
    void recordsTheChecksumOfWhatEachMigrationDoes() throws Exception {
        try (Db db = Db.fresh(); Migrator m = migrator(db)) {
            m.migrate(MigrateRequest.all());
            MigrationKey key = new MigrationKey("blog", "0002_add_post_slug");
            String checksum = read().checksum(key);
            assertTrue(checksum.matches("v2:[0-9a-f]{64}"), checksum);
            assertEquals(1, db.count("SELECT count(*) FROM keel_migrations WHERE name = '0002_add_post_slug' AND checksum = '"
                    + checksum + "'"));
        }
    }

    @Test
    void anEditedAppliedMigrationIsReportedAndStopsMigrateUntilRepaired() throws Exception {
        try (Db db = Db.fresh()) {
            try (Migrator m = migrator(db)) {
                m.migrate(new MigrateRequest("blog", "0002", false, false));
            }
            Path file = migrations.resolve("M0002_add_post_slug.java");
            Files.writeString(file, Files.readString(file).replace("varchar(200)", "varchar(300)"));
            try (Migrator m = migrator(db)) {
                StatusReport status = m.status();
                MigrationStatus second = status.migrations().get(1);
                assertEquals(Mark.APPLIED, second.mark());
                assertTrue(second.changed());
                assertEquals(1, status.problems().size());
                String problem = status.problems().get(0);
                assertTrue(problem.startsWith(file + ": migration blog.0002_add_post_slug was applied on "), problem);
                assertTrue(problem.contains("and what it does has changed since (checksum then "), problem);
                assertTrue(problem.endsWith("record the new checksum with: keel migrate --repair-checksum blog 0002_add_post_slug"),
                        problem);

                var e = assertThrows(KeelException.class, () -> m.migrate(MigrateRequest.all()));
                assertEquals(ErrorKind.INCONSISTENT_HISTORY, e.kind());
                assertEquals(List.of(problem, "keel migrate does not go on while the applied migrations and their files"
                        + " disagree (1 problem above)."), e.problems());
                assertEquals(2, db.count("SELECT count(*) FROM keel_migrations"), "nothing ran");

                assertEquals(new MigrationKey("blog", "0002_add_post_slug"), m.repairChecksum("blog", "0002"));
                assertTrue(m.status().problems().isEmpty());
                assertEquals(2, m.migrate(MigrateRequest.all().withPostDeploy()).done().size());
            }
        }
    }

    @Test
    void lineEndingsAndTrailingSpacesDoNotCountAsAChange() throws Exception {
        try (Db db = Db.fresh()) {
            try (Migrator m = migrator(db)) {
                m.migrate(MigrateRequest.all());
            }
            Path file = migrations.resolve("M0001_initial.java");
            Files.writeString(file, Files.readString(file).replace("\n", "  \r\n") + "\r\n\r\n");
            try (Migrator m = migrator(db)) {
                assertEquals(List.of(), m.status().problems());
                assertFalse(m.status().migrations().get(0).changed());
            }
        }
    }

    @Test
    void anAppliedMigrationWhoseFileIsGoneIsReported() throws Exception {
        try (Db db = Db.fresh()) {
            try (Migrator m = migrator(db)) {
                m.migrate(MigrateRequest.all());
            }
            Files.delete(migrations.resolve("M0004_fill_post_slug.java"));
            try (Migrator m = migrator(db)) {
                StatusReport status = m.status();
                MigrationStatus last = status.migrations().get(status.migrations().size() - 1);
                assertEquals(new MigrationKey("blog", "0004_fill_post_slug"), last.key());
                assertEquals(Mark.MISSING, last.mark());
                assertTrue(status.problems().get(0).startsWith("keel_migrations: migration blog.0004_fill_post_slug is"
                        + " recorded as applied (on "), status.problems().get(0));
                var e = assertThrows(KeelException.class, () -> m.migrate(MigrateRequest.all()));
                assertEquals(ErrorKind.INCONSISTENT_HISTORY, e.kind());
                assertEquals(4, e.kind().exitCode());
                assertTrue(e.getMessage().contains("DELETE FROM keel_migrations WHERE app = 'blog' AND name = '0004_fill_post_slug';"),
                        e.getMessage());
            }
        }
    }
}
