package dev.keel.runner.internal;

import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationSpec;
import dev.keel.runner.MigrationSet;
import dev.keel.runner.PruneResult;

import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Decides which records {@code migrate --prune} removes. A record goes only when its migration's file is
 * gone, a squash of the project replaces it, and that squash is itself recorded as applied: the squash's
 * record then says everything the replaced one said. Any other record of a missing migration stays, since
 * it is the only trace of changes keel can no longer see. Pure.
 */
public final class Prune {
    private Prune() {}

    /** The records of {@code rows} to prune and those refused, for {@code app} (null: every app), sorted by key. */
    public static PruneResult of(MigrationSet set, Map<MigrationKey, HistoryRow> rows, String app) {
        var pruned = new ArrayList<PruneResult.Pruned>();
        var refused = new ArrayList<PruneResult.Refused>();
        for (HistoryRow row : new TreeMap<>(rows).values()) {
            MigrationKey key = row.key();
            if ((app != null && !key.app().equals(app)) || set.spec(key).isPresent()) {
                continue;
            }
            String what = set.fromClasses() ? "its class is not on the class path" : "no migration file defines it";
            Optional<MigrationSpec> squash = squashOf(set, key);
            if (squash.isEmpty()) {
                refused.add(new PruneResult.Refused(key, what + ", and no squash of the project replaces it, so its"
                        + " record is the only trace of changes keel cannot see any more.\nTo fix: restore M" + key.name()
                        + ".java from version control (git log --all -- '*M" + key.name() + ".java'); or, if it was"
                        + " removed on purpose and its changes are undone, delete its record by hand: DELETE FROM"
                        + " keel_migrations WHERE app = '" + key.app() + "' AND name = '" + key.name() + "';"));
                continue;
            }
            MigrationKey s = squash.get().key();
            HistoryRow squashRow = rows.get(s);
            if (row.partial()) {
                refused.add(new PruneResult.Refused(key, what + "; the squash " + s + " replaces it, but a run left"
                        + " it part-way, so the database may hold only some of its changes.\nTo fix: restore its file"
                        + " and run keel migrate to finish or undo it, then prune."));
            } else if (squashRow == null || squashRow.phase() != HistoryRow.Phase.APPLIED) {
                refused.add(new PruneResult.Refused(key, what + "; the squash " + s + " replaces it but is not"
                        + " recorded as applied here, so this record is still what says its changes are applied.\n"
                        + "To fix: run keel migrate (it records the squash once every migration it replaces is"
                        + " applied), then prune again."));
            } else {
                pruned.add(new PruneResult.Pruned(key, s));
            }
        }
        return new PruneResult(pruned, refused);
    }

    /** The squash of {@code set} that replaces {@code key}, if any. */
    private static Optional<MigrationSpec> squashOf(MigrationSet set, MigrationKey key) {
        return set.specs().values().stream().filter(m -> m.replaces().contains(key))
                .min(java.util.Comparator.comparing(MigrationSpec::key));
    }
}
