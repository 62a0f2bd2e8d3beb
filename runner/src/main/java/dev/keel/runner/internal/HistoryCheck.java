package dev.keel.runner.internal;

import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationSpec;
import dev.keel.runner.MigrationSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares the applied-migrations table with the migration files: an applied migration whose file
 * changed since (Flyway validates checksums; Django does not), and one whose file is gone.
 */
public final class HistoryCheck {
    private HistoryCheck() {}

    /**
     * Whether the file of the applied migration {@code row} changed since it was recorded. A migration
     * that a run left part-applied does not count: correcting the step that failed is how the next run
     * goes on ({@link #correctedSinceStop}).
     */
    public static boolean changed(MigrationSet set, HistoryRow row) {
        return row.phase() != HistoryRow.Phase.APPLYING && differs(set, row);
    }

    /** Whether the file of a migration that a run left part-applied was changed (corrected) since. */
    public static boolean correctedSinceStop(MigrationSet set, HistoryRow row) {
        return row.phase() == HistoryRow.Phase.APPLYING && differs(set, row);
    }

    private static boolean differs(MigrationSet set, HistoryRow row) {
        return set.spec(row.key()).isPresent() && !set.matches(row.key(), row.checksum());
    }

    /** Whether {@code row} names a migration that no file defines (nor a squash replaces). */
    public static boolean missing(MigrationSet set, HistoryRow row) {
        return set.spec(row.key()).isEmpty() && !set.isReplaced(row.key());
    }

    /** One message per changed or missing migration, sorted by key; empty when the history agrees with the files. */
    public static List<String> problems(MigrationSet set, Map<MigrationKey, HistoryRow> rows) {
        var problems = new ArrayList<String>();
        for (HistoryRow row : rows.values()) {
            if (changed(set, row)) {
                problems.add(changedMessage(set, set.spec(row.key()).orElseThrow(), row, set.checksum(row.key())));
            } else if (missing(set, row)) {
                problems.add(missingMessage(set, row));
            }
        }
        return problems;
    }

    /** When a row was recorded, to the second, in UTC. */
    static String when(HistoryRow row) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
                .format(row.appliedAt().atZone(java.time.ZoneOffset.UTC));
    }

    private static String changedMessage(MigrationSet set, MigrationSpec spec, HistoryRow row, String now) {
        String then = row.checksum().substring(0, Math.min(12, row.checksum().length())) + "...";
        String repair = "keel migrate --repair-checksum " + spec.app() + " " + spec.name();
        if (Checksums.file(spec) == null && set.fromClasses()) {
            String where = spec.origin() == null ? "migration " + spec.key() : spec.origin();
            if (Checksums.isFileChecksum(row.checksum())) {
                return where + ": migration " + spec.key() + " was applied on " + when(row) + " by an earlier keel,"
                        + " which recorded the checksum of its source file (" + then + "); this run reads compiled"
                        + " classes, so it cannot compare them.\n"
                        + "To fix: run keel migrate once from the sources (it records the checksum of what each"
                        + " migration does, which a class gives too), or, after checking that the class is the"
                        + " migration as it was applied: " + repair;
            }
            return where + ": migration " + spec.key() + " was applied on " + when(row) + ", and what it does has"
                    + " changed since (checksum then " + then + ", now " + now.substring(0, 12) + "...): its"
                    + " operations, their values or the code of its RunJava methods differ. keel does not run a"
                    + " changed migration again, so the database may not match it.\n"
                    + "To fix: deploy the migration as it was applied, and write any new change as a new migration;"
                    + " or, after reviewing that the change does not alter what the migration did to the database,"
                    + " record the new checksum with: " + repair;
        }
        String file = Checksums.file(spec) == null ? "migration " + spec.key() : Checksums.file(spec).toString();
        return file + ": migration " + spec.key() + " was applied on " + when(row) + ", and what it does has changed"
                + " since (checksum then " + then + ", now " + now.substring(0, 12) + "...): its operations, their"
                + " values or the code of its RunJava methods differ (comments and formatting do not count)."
                + " keel does not run a changed migration again, so the database may not match it.\n"
                + "To fix: restore the file as it was applied (git log -p -- " + file + "), and write any new change"
                + " as a new migration; or, after reviewing that the change does not alter what the migration did"
                + " to the database, record the new checksum with: " + repair;
    }

    private static String missingMessage(MigrationSet set, HistoryRow row) {
        MigrationKey k = row.key();
        String delete = "DELETE FROM keel_migrations WHERE app = '" + k.app() + "' AND name = '" + k.name() + "';";
        if (set.fromClasses()) {
            return "keel_migrations: migration " + k + " is recorded as applied (on " + when(row)
                    + "), but no class M" + k.name() + " of app " + k.app() + " is on the class path.\n"
                    + "To fix: deploy a build that includes the class M" + k.name() + " (check the class path and"
                    + " the app's migrations package); or, if it was removed on purpose and its changes are undone,"
                    + " delete its record: " + delete;
        }
        if (row.phase() != HistoryRow.Phase.APPLIED) {
            String doing = row.phase() == HistoryRow.Phase.APPLYING ? "applied" : "unapplied";
            String restore = "restore M" + k.name() + ".java from version control (git log --all -- '*M" + k.name()
                    + ".java')";
            return "keel_migrations: migration " + k + " was being " + doing + " when a run stopped (it failed or was"
                    + " killed; started on " + when(row) + ", " + row.stepsDone() + " of its steps done), and no migration"
                    + " file defines it any more.\n"
                    + (row.phase() == HistoryRow.Phase.APPLYING && row.stepsDone() == 0
                    ? "To fix: nothing of it is applied, so if it was removed on purpose, delete its record: " + delete
                    + "\n  or " + restore + " and run keel migrate again to finish it."
                    : "To fix: " + restore + ", then either run keel migrate again to finish it, or undo its steps"
                    + " with keel migrate " + k.app() + " <the migration before it> and delete the file after that.");
        }
        return "keel_migrations: migration " + k + " is recorded as applied (on " + when(row)
                + "), but no migration file defines it.\n"
                + "To fix: restore M" + k.name() + ".java from version control (git log --all -- '*M" + k.name()
                + ".java'); or, if it was removed on purpose and its changes are undone, delete its record: " + delete;
    }
}
