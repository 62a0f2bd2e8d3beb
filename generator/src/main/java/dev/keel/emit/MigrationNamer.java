package dev.keel.emit;

import dev.keel.migration.MigrationNames;
import dev.keel.operations.CreateModel;
import dev.keel.operations.Operation;

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
        String words;
        if (operations.stream().allMatch(CreateModel.class::isInstance)) {
            words = operations.stream().map(Operation::nameFragment).sorted().collect(Collectors.joining("_"));
        } else if (operations.size() == 1) {
            words = operations.get(0).nameFragment();
        } else {
            words = operations.get(0).nameFragment() + "_and_more";
        }
        return clean(words);
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
