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
import java.util.List;
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
                    "The hook runs the keel that installed it (the absolute path of bin/keel, or the java command line"
                    + " with keel's jar), not a keel from PATH; KEEL=COMMAND in the environment of a commit runs another.",
                    "For the pre-commit framework, use the hooks in keel's .pre-commit-hooks.yaml instead."})
    static final class Install implements Callable<Integer> {
        @Mixin ProjectMixin project;

        @Option(names = "--force", description = "Replace an existing pre-commit hook that keel did not write.")
        boolean force;

        @Option(names = "--keel", paramLabel = "COMMAND",
                description = "The keel program the hook runs (default: this keel, as it was started).")
        String keel;

        @Override
        public Integer call() throws IOException {
            Path projectDir = project.projectDir();
            Launcher launcher = launcher();
            List<String> git = Git.run(projectDir, "hook install", "rev-parse", "--git-path", "hooks/pre-commit",
                    "--show-toplevel");
            Path hook = projectDir.resolve(git.get(0)).normalize();
            Path top = Path.of(git.get(1));
            if (Files.exists(hook) && !Files.readString(hook).contains(MARKER) && !force) {
                throw new KeelException(ErrorKind.USAGE, hook + ": a pre-commit hook is already there."
                        + "\nTo fix: add `keel makemigrations --check && keel lint` to it by hand, or replace it with --force.");
            }
            String relative = top.toRealPath().relativize(projectDir.toRealPath()).toString();
            String cd = Launcher.quote(relative.isEmpty() ? "." : relative);
            var checks = new StringBuilder();
            for (String file : launcher.files()) {
                checks.append("""
                        if [ -z "${KEEL:-}" ] && [ ! -e %1$s ]; then
                          echo "keel pre-commit hook: "%1$s" is gone (moved or deleted)." >&2
                          echo "To fix: run keel hook install again with the keel you use now, or set KEEL to a keel command." >&2
                          exit 1
                        fi
                        """.formatted(Launcher.quote(file)));
            }
            String script = """
                    #!/bin/sh
                    %s
                    # Stops the commit when an entity change has no migration, the lockfile is stale,
                    # the migration history has forked, or a migration breaks keel's safety rules.
                    # It runs the keel that installed it; KEEL=COMMAND runs another.
                    %skeel() {
                      if [ -n "${KEEL:-}" ]; then "$KEEL" "$@"; else %s "$@"; fi
                    }
                    keel -C %s makemigrations --check || exit 1
                    keel -C %s lint || exit 1
                    """.formatted(MARKER, checks, launcher.shellWords(), cd, cd);
            Files.createDirectories(hook.getParent());
            Files.writeString(hook, script, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));
            } catch (UnsupportedOperationException e) {
                hook.toFile().setExecutable(true);
            }
            project.out().println("Installed " + hook + ": each commit runs " + launcher + " -C " + (relative.isEmpty() ? "."
                    : relative) + " makemigrations --check, then lint.");
            return 0;
        }

        /** The keel the hook runs: {@code --keel}, else this one as it was started. */
        private Launcher launcher() {
            if (keel != null) {
                Path program = Path.of(keel);
                if (keel.contains("/")) {
                    Path absolute = project.projectDir().resolve(program).normalize();
                    if (!Files.isRegularFile(absolute) || !Files.isExecutable(absolute)) {
                        throw new KeelException(ErrorKind.USAGE, "--keel " + keel + ": " + absolute + " is not an"
                                + " executable file.\nTo fix: name keel's bin/keel (or another keel program) by its path.");
                    }
                    return new Launcher(List.of(absolute.toString()));
                }
                return new Launcher(List.of(keel));
            }
            return Launcher.current().orElseThrow(() -> new KeelException(ErrorKind.USAGE, "keel hook install cannot"
                    + " tell how to start this keel again: it runs from " + Launcher.codeSource() + ", inside another"
                    + " program, not from bin/keel or keel's jar, and a hook that runs keel from PATH fails on every"
                    + " commit where keel is not on PATH.\nTo fix: run the install through bin/keel (path/to/keel/bin/keel"
                    + " hook install), or name the keel program the hook runs with --keel PATH."));
        }
    }
}
