package dev.keel.cli;

import dev.keel.diff.DiffHints;
import dev.keel.make.ScannedProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** keel renumber and keel hook install, in a real git repository. */
class RenumberAndHookCommandTest {
    @TempDir Path dir;
    Path migrations;

    @BeforeEach
    void sampleInGit() throws Exception {
        dev.keel.testing.SampleProjects.copy("blog", dir);
        migrations = dir.resolve("src/main/java/com/example/blog/migrations");
        git("init", "-q");
        git("-c", "user.email=t@example.com", "-c", "user.name=t", "add", ".");
        git("-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-q", "-m", "base");
    }

    void git(String... args) throws Exception {
        var cmd = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
    }

    KeelRun keel(String... args) {
        String[] all = Stream.concat(Stream.of("-C", dir.toString()), Stream.of(args)).toArray(String[]::new);
        return KeelRun.run(MigrationSource.standard(), (c, d) -> new ScannedProject(null, DiffHints.NONE), all);
    }

    static String migration(String name, String dependency, String field) {
        return """
                package com.example.blog.migrations;

                import dev.keel.migration.Migration;

                import static dev.keel.migration.Operations.*;

                public final class M%s extends Migration {
                    @Override
                    protected void define() {
                        dependsOn("blog", "%s");
                        operations(addField("post", "%s", column("%s", "integer").nullable()));
                    }
                }
                """.formatted(name, dependency, field, field);
    }

    @Test
    void renumberMovesThisBranchsMigrationAfterUpstreams() throws Exception {
        // upstream's 0005 is in the base commit; this branch added its own 0005 (untracked here)
        Files.writeString(migrations.resolve("M0005_add_post_rank.java"), migration("0005_add_post_rank", "0004_fill_post_slug", "rank"));
        git("-c", "user.email=t@example.com", "-c", "user.name=t", "add", ".");
        git("-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-q", "-m", "upstream");
        Files.writeString(migrations.resolve("M0005_add_post_views.java"), migration("0005_add_post_views", "0004_fill_post_slug", "views"));

        KeelRun check = keel("makemigrations", "--check");
        assertEquals(1, check.exit(), check.out());

        KeelRun r = keel("renumber", "blog", "--base", "HEAD");
        assertEquals(0, r.exit(), r.err());
        assertEquals("renamed 0005_add_post_views -> 0006_add_post_views", r.out().strip());
        assertTrue(Files.readString(migrations.resolve("M0006_add_post_views.java")).contains("\"0005_add_post_rank\""));
        assertTrue(Files.readString(dir.resolve("migrations_lockfile.txt")).contains("blog: 0006_add_post_views"));
    }

    @Test
    void hookInstallWritesAnExecutablePreCommitHookAndRefusesToClobber() throws Exception {
        KeelRun r = keel("hook", "install");
        assertEquals(0, r.exit(), r.err());
        Path hook = dir.resolve(".git/hooks/pre-commit");
        String script = Files.readString(hook);
        assertTrue(script.contains("makemigrations --check") && script.contains(" lint"), script);
        assertTrue(Files.isExecutable(hook));
        assertEquals(0, keel("hook", "install").exit(), "keel replaces its own hook");

        Files.writeString(hook, "#!/bin/sh\necho mine\n");
        KeelRun refused = keel("hook", "install");
        assertEquals(2, refused.exit());
        assertTrue(refused.err().contains("--force"), refused.err());
        assertEquals(0, keel("hook", "install", "--force").exit());
    }

    @Test
    void preCommitFrameworkHooksRunTheSameChecks() throws IOException {
        String yaml = Files.readString(Path.of("..", ".pre-commit-hooks.yaml"));
        assertTrue(yaml.contains("entry: keel makemigrations --check"), yaml);
        assertTrue(yaml.contains("entry: keel lint"), yaml);
    }
}
