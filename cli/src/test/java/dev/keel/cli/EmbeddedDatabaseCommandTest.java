package dev.keel.cli;

import dev.keel.runner.EmbeddedDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.keel.cli.KeelRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No database configured: {@code migrate} creates and uses an embedded PostgreSQL in {@code .keel/pg},
 * says so, and keeps its data for the next command.
 */
class EmbeddedDatabaseCommandTest {
    static final String NL = System.lineSeparator();

    @TempDir Path dir;

    @Test
    void migrateUsesTheEmbeddedDatabaseAndKeepsItsData() throws Exception {
        String c = SampleProject.copy("blog", dir).toString();
        KeelRun migrate = run(MigrationSource.standard(), "-C", c, "migrate", "blog", "0002");
        assertEquals(0, migrate.exit(), migrate.err());
        assertTrue(migrate.out().startsWith(EmbeddedDatabase.NOTICE + NL
                + "Migrating the embedded PostgreSQL in .keel/pg:" + NL + "  Applying blog.0001_initial... OK"), migrate.out());
        assertTrue(Files.isRegularFile(dir.resolve(".keel/pg/PG_VERSION")));
        assertEquals("# keel's local files: the embedded PostgreSQL, compiled migrations, the cache.\n*\n",
                Files.readString(dir.resolve(".keel/.gitignore")));

        KeelRun show = run(MigrationSource.standard(), "-C", c, "showmigrations");
        assertEquals(0, show.exit(), show.err());
        assertEquals(String.join(NL, "blog", " [X] 0001_initial", " [X] 0002_add_post_slug", " [ ] 0003_idx_post_created_at",
                " [ ] 0004_fill_post_slug") + NL, show.out());
        assertEquals(EmbeddedDatabase.NOTICE + NL, show.err());
    }
}
