package dev.keel.runner.internal;

import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationSpec;
import dev.keel.runner.MigrationSet;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keeps the history of squashes as Django does: applying a squash records it and every migration it
 * replaces (so the replaced names stay applied for any code that still has them); unapplying it removes
 * them; and a squash whose replaced migrations are all recorded, one by one, is recorded too. Once the
 * squash is recorded, the replaced files and even its {@code replaces(...)} may go.
 */
public final class Replacements {
    private Replacements() {}

    /** After {@code squash} was applied (or faked): records each migration it replaces. */
    public static void applied(SchemaHistory history, MigrationSet set, MigrationSpec squash) throws SQLException {
        if (squash.replaces().isEmpty()) {
            return; // not a squash: no need to read the whole history after every migration
        }
        Map<MigrationKey, HistoryRow> rows = history.rows();
        for (MigrationKey r : squash.replaces()) {
            if (!rows.containsKey(r)) {
                history.applied(r, checksum(set, r, squash.key()), 0);
            }
        }
    }

    /**
     * Before {@code squash} is unapplied (or fake-unapplied): removes the records of the migrations it
     * replaces, first, so that a run stopped in between leaves the squash recorded and applied.
     */
    public static void unapplying(SchemaHistory history, MigrationSpec squash) throws SQLException {
        for (MigrationKey r : squash.replaces()) {
            history.removed(r);
        }
    }

    /** Whether {@code set} has no squash: {@link #reconcile} then has nothing to record, and reads nothing. */
    public static boolean none(MigrationSet set) {
        return set.specs().values().stream().allMatch(s -> s.replaces().isEmpty());
    }

    /**
     * Records every squash of {@code set} whose replaced migrations are all recorded but which is not
     * (they were applied one by one, before the squash existed or to finish a partly applied range).
     *
     * @return the squashes recorded
     */
    public static List<MigrationKey> reconcile(SchemaHistory history, MigrationSet set) throws SQLException {
        if (none(set)) {
            return List.of(); // no squash: nothing to record, and no need to read the whole history (twice a run)
        }
        Map<MigrationKey, HistoryRow> rows = history.rows();
        var recorded = new ArrayList<MigrationKey>();
        for (MigrationSpec s : set.specs().values()) {
            if (s.replaces().isEmpty() || rows.containsKey(s.key())) {
                continue;
            }
            boolean all = s.replaces().stream().allMatch(r -> rows.containsKey(r) && rows.get(r).phase() == HistoryRow.Phase.APPLIED);
            if (all) {
                history.applied(s.key(), set.checksum(s.key()), 0);
                recorded.add(s.key());
            }
        }
        return recorded;
    }

    /** The checksum recorded for a replaced migration: its own file's, or the squash's when the file is gone. */
    private static String checksum(MigrationSet set, MigrationKey replaced, MigrationKey squash) {
        return set.spec(replaced).isPresent() ? set.checksum(replaced) : set.checksum(squash);
    }
}
