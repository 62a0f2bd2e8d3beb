package dev.keel.cli;

import dev.keel.config.AppConfig;
import dev.keel.config.KeelConfig;
import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.make.Renumber;
import dev.keel.migration.MigrationNames;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/** {@code keel renumber APP}: this branch's migrations, renumbered to follow upstream's after a rebase. */
@Command(name = "renumber", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"After a rebase, renumbers this branch's migrations of APP to follow the latest migration"
                + " that came from upstream, and fixes their dependencies, class names and the lockfile.",
                "This branch's migrations are the files git shows as added since --base (and untracked ones)."})
final class RenumberCommand implements Callable<Integer> {
    @Mixin ProjectMixin project;

    @Parameters(paramLabel = "APP", description = "The app whose migrations to renumber.")
    String app;

    @Option(names = "--base", paramLabel = "REV", defaultValue = "@{upstream}",
            description = "The revision this branch started from (default: the branch's upstream, ${DEFAULT-VALUE}).")
    String base;

    @Option(names = "--dry-run", description = "Print the renames, change nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        KeelConfig config = project.config();
        AppConfig appConfig = config.requireApp(app);
        Path dir = config.migrationsDir(project.projectDir(), appConfig);
        Set<String> ours = new TreeSet<>();
        for (String file : git(dir, "diff", "--name-only", "--diff-filter=A", base + "...HEAD", "--", ".")) {
            addMigration(ours, file);
        }
        for (String file : git(dir, "ls-files", "--others", "--exclude-standard", "--", ".")) {
            addMigration(ours, file);
        }
        var renamed = Renumber.run(config, project.projectDir(), app, ours, dryRun);
        if (renamed.isEmpty()) {
            project.out().println("Nothing to renumber: this branch's migrations of " + app + " already follow upstream's.");
        }
        for (Renumber.Renamed r : renamed) {
            project.out().println((dryRun ? "would rename " : "renamed ") + r.from() + " -> " + r.to());
        }
        return 0;
    }

    private static void addMigration(Set<String> ours, String path) {
        String file = Path.of(path).getFileName().toString();
        if (file.endsWith(".java") && MigrationNames.isMigrationClassName(file.substring(0, file.length() - 5))) {
            ours.add(MigrationNames.nameOfClass(file.substring(0, file.length() - 5)));
        }
    }

    private static List<String> git(Path dir, String... args) {
        var command = new ArrayList<String>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new KeelException(ErrorKind.USAGE, "git " + String.join(" ", args) + " failed: " + output.strip()
                        + "\nTo fix: run keel renumber inside a git work tree, with --base naming the revision the branch started from.");
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
