package dev.keel.cli;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.migration.MigrationNames;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The git commands keel runs (the {@code git} program, as the user would): which migration files a branch adds. */
final class Git {
    private Git() {}

    /**
     * The migration files under {@code dir} added since {@code rev}: committed, staged or in the work tree
     * ({@code git diff --diff-filter=A REV}), and untracked ones; paths relative to {@code dir}.
     *
     * @param what what keel is doing, for the error message (renumber, sqlmigrate --changed-since)
     */
    static List<Path> addedMigrationFiles(Path dir, String rev, String what) {
        Set<String> files = new TreeSet<>();
        files.addAll(run(dir, what, "diff", "--name-only", "--relative", "--diff-filter=A", rev, "--", "."));
        files.addAll(run(dir, what, "ls-files", "--others", "--exclude-standard", "--", "."));
        var out = new ArrayList<Path>();
        for (String f : files) {
            String name = Path.of(f).getFileName().toString();
            if (name.endsWith(".java") && MigrationNames.isMigrationClassName(name.substring(0, name.length() - 5))) {
                out.add(Path.of(f));
            }
        }
        return out;
    }

    /** A rebase git has stopped in: the commit it replays onto and the branch's tip before it began. */
    record Rebase(String onto, String origHead) {
        /** The branch's own changes: from where it left {@code onto}'s history to its old tip. */
        String branchRange() {
            return onto + "..." + origHead;
        }
    }

    /** The rebase in progress in the work tree of {@code dir} (merge or apply backend), if there is one. */
    static java.util.Optional<Rebase> rebaseInProgress(Path dir) {
        for (String state : List.of("rebase-merge", "rebase-apply")) {
            Path folder = dir.resolve(run(dir, "rebase", "rev-parse", "--git-path", state).get(0));
            Path onto = folder.resolve("onto");
            Path orig = folder.resolve("orig-head");
            if (java.nio.file.Files.isRegularFile(onto) && java.nio.file.Files.isRegularFile(orig)) {
                try {
                    return java.util.Optional.of(new Rebase(java.nio.file.Files.readString(onto).strip(),
                            java.nio.file.Files.readString(orig).strip()));
                } catch (IOException e) {
                    throw new KeelException(ErrorKind.USAGE, "cannot read the rebase in progress (" + folder + "): "
                            + e.getMessage() + "\nTo fix: name the revision the branch started from with --base REV.", e);
                }
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * The commit that last changed {@code file} in HEAD's history, as {@code abc1234 "subject"}, when HEAD holds
     * the file; empty when it does not (untracked, or only added to the index or changed in the work tree), when
     * HEAD has no commit yet, or when the file is in no git work tree.
     *
     * @throws KeelException of kind USAGE when git cannot run
     */
    static java.util.Optional<String> committed(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        String name = file.getFileName().toString();
        if (!java.nio.file.Files.isDirectory(dir) || quiet(dir, "rev-parse", "--is-inside-work-tree") != 0
                || quiet(dir, "rev-parse", "--verify", "-q", "HEAD^{commit}") != 0) {
            return java.util.Optional.empty();
        }
        if (run(dir, "makemigrations --update", "ls-tree", "--name-only", "HEAD", "--", name).isEmpty()) {
            return java.util.Optional.empty();
        }
        List<String> log = run(dir, "makemigrations --update", "log", "-1", "--format=%h \"%s\"", "HEAD", "--", name);
        return java.util.Optional.of(log.isEmpty() ? "HEAD" : log.get(0));
    }

    /** The exit code of {@code git -C dir ARGS}, its output dropped. */
    private static int quiet(Path dir, String... args) {
        var command = new ArrayList<String>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor();
        } catch (IOException e) {
            throw new KeelException(ErrorKind.USAGE, "cannot run git: " + e.getMessage() + "\nTo fix: install git.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeelException(ErrorKind.USAGE, "interrupted while running git");
        }
    }

    /** Whether HEAD names no branch (a detached HEAD). */
    static boolean detachedHead(Path dir) {
        var command = new ArrayList<String>(List.of("git", "-C", dir.toString(), "symbolic-ref", "-q", "HEAD"));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() != 0;
        } catch (IOException e) {
            throw new KeelException(ErrorKind.USAGE, "cannot run git: " + e.getMessage() + "\nTo fix: install git.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeelException(ErrorKind.USAGE, "interrupted while running git");
        }
    }

    /** The output lines of {@code git -C dir ARGS}; a failure is a usage error naming the command. */
    static List<String> run(Path dir, String what, String... args) {
        var command = new ArrayList<String>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new KeelException(ErrorKind.USAGE, "git " + String.join(" ", args) + " failed: " + output.strip()
                        + "\nTo fix: run keel " + what + " inside a git work tree, naming a revision git knows"
                        + " (a branch, a tag or a commit).");
            }
            return output.lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new KeelException(ErrorKind.USAGE, "cannot run git: " + e.getMessage() + "\nTo fix: install git.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeelException(ErrorKind.USAGE, "interrupted while running git");
        }
    }
}
