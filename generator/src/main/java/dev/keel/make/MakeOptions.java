package dev.keel.make;

import dev.keel.diff.DiffHints;
import dev.keel.rewrite.SafetyOptions;

import java.util.List;

/**
 * The options of {@code makemigrations}.
 *
 * @param apps          the apps to look at; empty means all
 * @param check         write nothing; report whether a migration is missing, the lockfile stale or an app forked
 * @param dryRun        print what would be written, write nothing
 * @param empty         write a data migration to fill in by hand in each named app
 *                      ({@link dev.keel.emit.DataMigrationTemplate}: it changes nothing until edited)
 * @param merge         write a merge migration for each app with several leaves
 * @param name          the words of the new migration's name instead of the generated ones
 * @param deletePending also write the DELETE phase of every pending column and table
 * @param safety        what unsafe changes are allowed, and which tables are large
 * @param renames       rename hints from the command line, added to the entities' {@code @RenamedFrom}
 * @param update        fold the changes into each app's latest migration instead of writing a new one
 *                      ({@code --update}); {@code name}, if given, renames it
 */
public record MakeOptions(List<String> apps, boolean check, boolean dryRun, boolean empty, boolean merge, String name,
                          boolean deletePending, SafetyOptions safety, DiffHints renames, boolean update) {
    public MakeOptions {
        apps = List.copyOf(apps);
        renames = renames == null ? DiffHints.NONE : renames;
    }

    public MakeOptions(List<String> apps, boolean check, boolean dryRun, boolean empty, boolean merge, String name,
                       boolean deletePending, SafetyOptions safety, DiffHints renames) {
        this(apps, check, dryRun, empty, merge, name, deletePending, safety, renames, false);
    }

    public MakeOptions(List<String> apps, boolean check, boolean dryRun, boolean empty, boolean merge, String name,
                       boolean deletePending, SafetyOptions safety) {
        this(apps, check, dryRun, empty, merge, name, deletePending, safety, DiffHints.NONE);
    }

    public static MakeOptions defaults() {
        return new MakeOptions(List.of(), false, false, false, false, null, false, SafetyOptions.DEFAULT);
    }

    /** Whether files may be written. */
    public boolean writes() {
        return !check && !dryRun;
    }
}
