package dev.keel.cli;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;

/** {@code keel hook install}: a git pre-commit hook running {@code makemigrations --check} and {@code lint}. */
@Command(name = "hook", mixinStandardHelpOptions = true, subcommands = HookCommand.Install.class,
        description = "Git hooks that keep migrations in step with the entities.")
final class HookCommand {

    /** The hook's marker line, so keel recognises (and may replace) its own hook. */
    static final String MARKER = "# installed by keel hook install";

    @Command(name = "install", mixinStandardHelpOptions = true,
            description = {"Installs a git pre-commit hook that runs keel makemigrations --check and keel lint on the"
                    + " project, and stops the commit when either finds something.",
                    "For the pre-commit framework, use the hooks in keel's .pre-commit-hooks.yaml instead."})
    static final class Install implements Callable<Integer> {
        @Mixin ProjectMixin project;

        @Option(names = "--force", description = "Replace an existing pre-commit hook that keel did not write.")
        boolean force;

        @Override
        public Integer call() throws IOException {
            Path projectDir = project.projectDir();
            Path gitDir = gitDir(projectDir);
            Path hook = gitDir.resolve("hooks").resolve("pre-commit");
            if (Files.exists(hook) && !Files.readString(hook).contains(MARKER) && !force) {
                throw new KeelException(ErrorKind.USAGE, hook + ": a pre-commit hook is already there."
                        + "\nTo fix: add `keel makemigrations --check && keel lint` to it by hand, or replace it with --force.");
            }
            Path top = gitDir.getParent();
            String relative = top.relativize(projectDir).toString();
            String cd = relative.isEmpty() ? "." : relative;
            String script = """
                    #!/bin/sh
                    %s
                    # Stops the commit when an entity change has no migration, the lockfile is stale,
                    # the migration history has forked, or a migration breaks keel's safety rules.
                    KEEL="${KEEL:-keel}"
                    "$KEEL" -C "%s" makemigrations --check || exit 1
                    "$KEEL" -C "%s" lint || exit 1
                    """.formatted(MARKER, cd, cd);
            Files.createDirectories(hook.getParent());
            Files.writeString(hook, script, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));
            } catch (UnsupportedOperationException e) {
                hook.toFile().setExecutable(true);
            }
            project.out().println("Installed " + hook + ": each commit runs keel makemigrations --check and keel lint"
                    + " on " + cd + ".");
            return 0;
        }

        private static Path gitDir(Path start) {
            for (Path d = start.toAbsolutePath(); d != null; d = d.getParent()) {
                if (Files.isDirectory(d.resolve(".git"))) {
                    return d.resolve(".git");
                }
            }
            throw new KeelException(ErrorKind.USAGE, start + " is not inside a git work tree."
                    + "\nTo fix: run keel hook install in the project's repository.");
        }
    }
}
