package dev.keel.emit;

import dev.keel.migration.MigrationNames;
import dev.keel.operations.CreateModel;
import dev.keel.operations.CreateSequence;
import dev.keel.operations.Operation;
import dev.keel.operations.RemoveConstraint;
import dev.keel.operations.RemoveIndex;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Descriptive migration names, never timestamps: {@code 0001_initial}, {@code 0002_add_post_slug},
 * {@code 0003_remove_post_legacy_flag_and_more}, {@code 0004_author_tag} (two new models).
 */
public final class MigrationNamer {
    /** Longest words part keel writes, so file names stay readable. */
    static final int MAX_WORDS = 52;

    private MigrationNamer() {}

    /**
     * The words of a migration name for {@code operations}.
     *
     * @param initial whether this is the app's first migration
     */
    public static String words(List<Operation> operations, boolean initial) {
        if (initial) {
            return "initial";
        }
        if (operations.isEmpty()) {
            return "empty";
        }
        List<Operation> main = operations.stream().filter(op -> !supporting(op)).toList();
        if (main.isEmpty()) {
            main = operations;
        }
        boolean more = operations.stream().anyMatch(op -> op instanceof RemoveConstraint || op instanceof RemoveIndex)
                && main.size() < operations.size();
        String words;
        if (main.stream().allMatch(CreateModel.class::isInstance)) {
            words = main.stream().map(Operation::nameFragment).sorted().collect(Collectors.joining("_")) + (more ? "_and_more" : "");
        } else if (main.size() == 1 && !more) {
            words = main.get(0).nameFragment();
        } else {
            words = main.get(0).nameFragment() + "_and_more";
        }
        return clean(words);
    }

    /**
     * Operations that serve the others and do not name a migration when others are there: constraint
     * and index removals (a foreign key or index dropped before its column or table goes, a check
     * replaced; Hibernate's names for them are hashes), the sequences of new models and the enum types of new or removed columns.
     */
    private static boolean supporting(Operation op) {
        return op instanceof RemoveConstraint || op instanceof RemoveIndex || op instanceof CreateSequence
                || op instanceof dev.keel.operations.CreateEnumType || op instanceof dev.keel.operations.DropEnumType;
    }

    /** {@code number} and the words, as a name: {@code 0002_add_post_slug}. */
    public static String name(int number, String words) {
        return MigrationNames.name(number, clean(words));
    }

    /** Lower case, {@code [a-z0-9_]} only, no doubled or trailing underscores, at most {@link #MAX_WORDS}. */
    public static String clean(String words) {
        String w = words.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_").replaceAll("_+", "_")
                .replaceAll("^_|_$", "");
        if (w.length() > MAX_WORDS) {
            String cut = w.substring(0, MAX_WORDS);
            int last = cut.lastIndexOf('_');
            w = (last > 20 ? cut.substring(0, last) : cut).replaceAll("_$", "") + "_and_more";
            w = w.replace("_and_more_and_more", "_and_more");
        }
        return w.isEmpty() ? "auto" : w;
    }
}
