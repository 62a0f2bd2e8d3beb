package dev.keel.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The paths out of a lockfile conflict, as a team meets them in git: two branches each add a 0005, and
 * their lockfile lines conflict on merge or on rebase. keel must lead out of it with no hand edit.
 */
class BranchWorkflowCommandTest {
    @TempDir Path dir;
    Path migrations;
    Path lockfile;

    @BeforeEach
    void sampleInGit() throws Exception {
        dev.keel.testing.SampleProjects.copy("blog", dir);
        migrations = dir.resolve("src/main/java/com/example/blog/migrations");
        lockfile = dir.resolve("migrations_lockfile.txt");
        git("init", "-q", "-b", "main");
        git("config", "user.email", "t@example.com");
        git("config", "user.name", "t");
        git("add", ".");
        git("commit", "-q", "-m", "base");
    }

    String git(String... args) throws Exception {
        var cmd = new ArrayList<>(List.of("git", "-C", dir.toString()));
        cmd.addAll(List.of(args));
        var pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("GIT_EDITOR", "true");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    int gitExit(String... args) throws Exception {
        var cmd = new ArrayList<>(List.of("git", "-C", dir.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor();
    }

    KeelRun keel(String... args) {
        return KeelRun.run(MigrationSource.standard(), Stream.concat(Stream.of("-C", dir.toString()), Stream.of(args))
                .toArray(String[]::new));
    }

    /** A branch's migration that changes no mapped column, so the entities stay in step. */
    void commitMigration(String name, String comment) throws Exception {
        Files.writeString(migrations.resolve("M" + name + ".java"), """
                package com.example.blog.migrations;

                import dev.keel.migration.Migration;

                import static dev.keel.migration.Operations.*;

                public final class M%s extends Migration {
                    @Override
                    protected void define() {
                        dependsOn("blog", "0004_fill_post_slug");
                        operations(runSql("COMMENT ON TABLE post IS '%s'", "COMMENT ON TABLE post IS NULL"));
                    }
                }
                """.formatted(name, comment));
        Files.writeString(lockfile, Files.readString(lockfile).replace("blog: 0004_fill_post_slug", "blog: " + name));
        git("add", ".");
        git("commit", "-q", "-m", name);
    }

    @Test
    void aMergeConflictInTheLockfileIsResolvedByMakemigrationsMerge() throws Exception {
        git("checkout", "-q", "-b", "views");
        commitMigration("0005_comment_views", "views");
        git("checkout", "-q", "main");
        commitMigration("0005_comment_rank", "rank");
        assertEquals(1, gitExit("merge", "-q", "views"), "the lockfile lines conflict, as designed");
        assertTrue(Files.readString(lockfile).contains("<<<<<<<"));

        KeelRun check = keel("makemigrations", "--check");
        assertEquals(1, check.exit(), check.err());
        assertTrue(check.out().contains("migrations_lockfile.txt: app blog is in a merge conflict (one side records"
                + " 0005_comment_rank, the other 0005_comment_views). To fix: run keel makemigrations --merge"), "out: " + check.out() + " err: " + check.err());

        KeelRun plain = keel("makemigrations");
        assertEquals(4, plain.exit(), plain.err());
        assertTrue((plain.out() + plain.err()).contains("makemigrations --merge"), plain.out() + plain.err());

        KeelRun merge = keel("makemigrations", "--merge");
        assertEquals(0, merge.exit(), merge.err());
        assertTrue(Files.isRegularFile(migrations.resolve("M0006_merge_0005_0005.java")));
        String resolved = Files.readString(lockfile);
        assertFalse(resolved.contains("<<<<<<<") || resolved.contains("=======") || resolved.contains(">>>>>>>"), resolved);
        assertTrue(resolved.contains("\nblog: 0006_merge_0005_0005\n"), resolved);

        KeelRun after = keel("makemigrations", "--check");
        assertEquals(0, after.exit(), after.out() + after.err());
        git("add", ".");
        git("commit", "-q", "-m", "merge views");
    }

    @Test
    void renumberResolvesTheLockfileInARebaseStoppedOnIt() throws Exception {
        git("checkout", "-q", "-b", "views");
        commitMigration("0005_comment_views", "views");
        git("checkout", "-q", "main");
        commitMigration("0005_comment_rank", "rank");
        git("checkout", "-q", "views");
        assertEquals(1, gitExit("rebase", "main"), "the rebase stops on the lockfile");

        KeelRun r = keel("renumber", "blog");
        assertEquals(0, r.exit(), r.err());
        assertEquals("renamed 0005_comment_views -> 0006_comment_views", r.out().strip());
        assertTrue(Files.readString(migrations.resolve("M0006_comment_views.java")).contains("\"0005_comment_rank\""));
        String resolved = Files.readString(lockfile);
        assertFalse(resolved.contains("<<<<<<<"), resolved);
        assertTrue(resolved.contains("\nblog: 0006_comment_views\n"), resolved);

        git("add", "-A");
        git("rebase", "--continue");
        KeelRun check = keel("makemigrations", "--check");
        assertEquals(0, check.exit(), check.out() + check.err());
    }

    @Test
    void renumberOnADetachedHeadOutsideARebaseAsksForTheBase() throws Exception {
        commitMigration("0005_comment_rank", "rank");
        git("checkout", "-q", "--detach", "HEAD");
        KeelRun r = keel("renumber", "blog");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("HEAD is detached and no rebase is in progress"), r.err());
        assertTrue(r.err().contains("--base REV"), r.err());
    }
}
