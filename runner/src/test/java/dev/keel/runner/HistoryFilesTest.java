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

    /** Records, for every applied migration, the checksum of its file's text, as keel did before checksums of what a migration does. */
    private void recordFileChecksums(Db db) throws Exception {
        for (Path f : Files.list(migrations).sorted().toList()) {
            String name = f.getFileName().toString().replaceFirst("^M", "").replaceFirst("\\.java$", "");
            db.execute("UPDATE keel_migrations SET checksum = '" + dev.keel.runner.internal.Checksums.ofText(Files.readString(f))
                    + "' WHERE app = 'blog' AND name = '" + name + "'");
        }
    }

    @Test
    void aCommentEditIsNotAChange() throws Exception {
        try (Db db = Db.fresh()) {
            try (Migrator m = migrator(db)) {
                m.migrate(MigrateRequest.all().withPostDeploy());
            }
            Path file = migrations.resolve("M0004_fill_post_slug.java");
            Files.writeString(file, Files.readString(file).replace("/** A data migration: gives every existing post a slug",
                    "/**\n * A data migration, reviewed in May: gives every existing post a slug"));
            try (Migrator m = migrator(db)) {
                assertEquals(List.of(), m.status().problems());
                assertEquals(0, m.migrate(MigrateRequest.all()).done().size());
            }
        }
    }

    @Test
    void aFileChecksumAnEarlierKeelRecordedIsAcceptedWhileTheFileIsUnchangedAndMigrateUpgradesIt() throws Exception {
        try (Db db = Db.fresh()) {
            try (Migrator m = migrator(db)) {
                m.migrate(new MigrateRequest("blog", "0003", false, false));
            }
            recordFileChecksums(db);
            assertEquals(3, db.count("SELECT count(*) FROM keel_migrations WHERE checksum NOT LIKE 'v2:%'"));
            var notices = new java.util.ArrayList<String>();
            MigrateListener listener = new MigrateListener() {
                @Override public void notice(String message) { notices.add(message); }
            };
            try (Migrator m = Specs.migrator(db, read(), Specs.FAST, listener)) {
                assertEquals(List.of(), m.status().problems());
                assertFalse(m.status().migrations().get(0).changed());
                assertEquals(List.of(new MigrationKey("blog", "0004_fill_post_slug")),
                        m.migrate(MigrateRequest.all()).done().stream().map(MigrateResult.Done::key).toList());
            }
            assertEquals(List.of("Recorded the checksum of what 3 applied migrations do in place of the checksum of their"
                    + " files an earlier keel recorded: [blog.0001_initial, blog.0002_add_post_slug,"
                    + " blog.0003_idx_post_created_at]. Edits of comments and formatting no longer count as changes."), notices);
            MigrationSet set = read();
            for (MigrationKey k : set.specs().keySet()) {
                assertEquals(1, db.count("SELECT count(*) FROM keel_migrations WHERE name = '" + k.name()
                        + "' AND checksum = '" + set.checksum(k) + "'"), k.toString());
            }
        }
    }

    @Test
    void aFileChecksumOfAFileChangedSinceStillStopsMigrate() throws Exception {
        try (Db db = Db.fresh()) {
            try (Migrator m = migrator(db)) {
                m.migrate(MigrateRequest.all());
            }
            recordFileChecksums(db);
            Path file = migrations.resolve("M0001_initial.java");
            Files.writeString(file, Files.readString(file).replace("Creates the blog's tables", "Creates the tables"));
            try (Migrator m = migrator(db)) {
                List<String> problems = m.status().problems();
                assertEquals(1, problems.size(), problems.toString());
                assertTrue(problems.get(0).startsWith(file + ": migration blog.0001_initial was applied on "), problems.get(0));
                var e = assertThrows(KeelException.class, () -> m.migrate(MigrateRequest.all()));
                assertEquals(4, e.kind().exitCode());
            }
            assertEquals(4, db.count("SELECT count(*) FROM keel_migrations WHERE checksum NOT LIKE 'v2:%'"), "nothing upgraded");
        }
    }

    @Test
    void fromClassesAFileChecksumCannotBeComparedAndAMissingClassIsNamed() throws Exception {
        KeelConfig config = KeelConfig.read(project);
        Path jar = dev.keel.testing.MigrationJars.jar(project, project.resolve("app.jar"), "");
        try (Db db = Db.fresh()) {
            try (Migrator m = migrator(db)) {
                m.migrate(MigrateRequest.all());
            }
            recordFileChecksums(db);
            db.execute("UPDATE keel_migrations SET checksum = '" + read().checksum(new MigrationKey("blog", "0001_initial"))
                    + "' WHERE name = '0001_initial'");
            db.execute("INSERT INTO keel_migrations (app, name, checksum) VALUES ('blog', '0005_gone', 'v2:0')");
            try (Migrator m = Specs.migrator(db, MigrationSet.load(config, List.of(jar)), Specs.FAST, MigrateListener.silent())) {
                List<String> problems = m.status().problems();
                assertEquals(4, problems.size(), problems.toString());
                assertTrue(problems.get(0).startsWith("class com.example.blog.migrations.M0002_add_post_slug: migration"
                        + " blog.0002_add_post_slug was applied on "), problems.get(0));
                assertTrue(problems.get(0).contains(" by an earlier keel, which recorded the checksum of its source file ("),
                        problems.get(0));
                assertTrue(problems.get(0).endsWith("To fix: run keel migrate once from the sources (it records the checksum"
                        + " of what each migration does, which a class gives too), or, after checking that the class is the"
                        + " migration as it was applied: keel migrate --repair-checksum blog 0002_add_post_slug"), problems.get(0));
                assertTrue(problems.get(3).startsWith("keel_migrations: migration blog.0005_gone is recorded as applied (on "),
                        problems.get(3));
                assertTrue(problems.get(3).contains("but no class M0005_gone of app blog is on the class path.\nTo fix:"
                        + " deploy a build that includes the class M0005_gone"), problems.get(3));
                var e = assertThrows(KeelException.class, () -> m.migrate(MigrateRequest.all()));
                assertEquals(ErrorKind.INCONSISTENT_HISTORY, e.kind());
                assertTrue(e.problems().get(e.problems().size() - 1).startsWith("keel migrate does not go on while the"
                        + " applied migrations and their classes disagree (4 problems above)."), e.getMessage());
            }
        }
    }
}
