package dev.keel.make;

import dev.keel.config.KeelConfig;
import dev.keel.emit.Lockfile;
import dev.keel.graph.MigrationGraph;
import dev.keel.load.ProjectMigrations;
import dev.keel.migration.MigrationKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RenumberTest {
    @TempDir Path dir;

    static String migration(String name, String dependency, String body) {
        return """
                package com.example.blog.migrations;

                import dev.keel.migration.Migration;

                import static dev.keel.migration.Operations.*;

                public final class M%s extends Migration {
                    @Override
                    protected void define() {
                        dependsOn("blog", "%s");
                        operations(%s);
                    }
                }
                """.formatted(name, dependency, body);
    }

    @Test
    void thisBranchsMigrationsFollowUpstreamAfterARebase() throws IOException {
        dev.keel.testing.SampleProjects.copy("blog", dir);
        KeelConfig config = KeelConfig.read(dir);
        Path migrations = config.migrationsDir(dir, config.requireApp("blog"));
        Files.writeString(migrations.resolve("M0005_add_post_views.java"), migration("0005_add_post_views", "0004_fill_post_slug",
                "addField(\"post\", \"views\", column(\"views\", \"integer\").nullable())"));
        Files.writeString(migrations.resolve("M0006_add_post_likes.java"), migration("0006_add_post_likes", "0005_add_post_views",
                "addField(\"post\", \"likes\", column(\"likes\", \"integer\").nullable())"));
        // upstream landed its own 0005 meanwhile
        Files.writeString(migrations.resolve("M0005_add_author_bio.java"), migration("0005_add_author_bio", "0004_fill_post_slug",
                "addField(\"author\", \"bio\", column(\"bio\", \"text\").nullable())"));

        var renamed = Renumber.run(config, dir, "blog", Set.of("0005_add_post_views", "0006_add_post_likes"), false);

        assertEquals(List.of("0006_add_post_views", "0007_add_post_likes"), renamed.stream().map(Renumber.Renamed::to).toList());
        assertFalse(Files.exists(migrations.resolve("M0005_add_post_views.java")));
        assertTrue(Files.readString(migrations.resolve("M0006_add_post_views.java")).contains("dependsOn(\"blog\", \"0005_add_author_bio\")"));
        assertTrue(Files.readString(migrations.resolve("M0007_add_post_likes.java")).contains("dependsOn(\"blog\", \"0006_add_post_views\")"));
        MigrationGraph graph = MigrationGraph.of(ProjectMigrations.readSources(config, dir));
        assertEquals(List.of(new MigrationKey("blog", "0007_add_post_likes")), graph.leaves("blog"));
        assertEquals("0007_add_post_likes", Lockfile.read(dir).latest().get("blog"));
        assertTrue(Renumber.run(config, dir, "blog", Set.of("0006_add_post_views", "0007_add_post_likes"), false).isEmpty(),
                "a second run has nothing to do");
    }
}
