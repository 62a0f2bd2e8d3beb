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

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/** {@code keel renumber APP}: this branch's migrations, renumbered to follow upstream's after a rebase. */
@Command(name = "renumber", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"After a rebase, renumbers this branch's migrations of APP to follow the latest migration"
                + " that came from upstream, and fixes their dependencies, class names and the lockfile.",
                "This branch's migrations are the files git shows as added since --base (and untracked ones).",
                "During a rebase that stopped (on a conflict in migrations_lockfile.txt, say), it needs no --base: the"
                        + " branch's migrations are those its commits add, and the lockfile's conflict is resolved.",
                "Then: git add the files, and git rebase --continue."})
final class RenumberCommand implements Callable<Integer> {
    @Mixin ProjectMixin project;

    @Parameters(paramLabel = "APP", description = "The app whose migrations to renumber.")
    String app;

    @Option(names = "--base", paramLabel = "REV",
            description = "The revision this branch started from. Default: during a rebase, the commit the branch is"
                    + " replayed onto; otherwise the branch's upstream (@{upstream}).")
    String base;

    @Option(names = "--dry-run", description = "Print the renames, change nothing.")
    boolean dryRun;

    /** The revisions whose added migration files are this branch's. */
    private String range(Path dir) {
        if (base != null) {
            return base + "...HEAD";
        }
        var rebase = Git.rebaseInProgress(dir);
        if (rebase.isPresent()) {
            return rebase.get().branchRange();
        }
        if (Git.detachedHead(dir)) {
            throw new KeelException(ErrorKind.USAGE, "HEAD is detached and no rebase is in progress, so this branch"
                    + " and its upstream are unknown.\nTo fix: name the revision the branch started from: keel renumber "
                    + app + " --base REV (for example --base origin/main).");
        }
        return "@{upstream}...HEAD";
    }

    @Override
    public Integer call() {
        KeelConfig config = project.config();
        AppConfig appConfig = config.requireApp(app);
        Path dir = config.migrationsDir(project.projectDir(), appConfig);
        Set<String> ours = new TreeSet<>();
        for (Path file : Git.addedMigrationFiles(dir, range(dir), "renumber")) {
            String name = file.getFileName().toString();
            ours.add(MigrationNames.nameOfClass(name.substring(0, name.length() - 5)));
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
}
