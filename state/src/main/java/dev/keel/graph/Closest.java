package dev.keel.graph;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Suggestions for a mistyped migration name: the closest known name, and a short listing of names. */
public final class Closest {
    /** How many names a message lists before it says "and N more". */
    static final int LISTED = 12;

    private Closest() {}

    /** The known name nearest to {@code wanted}, if one is near enough to be a likely typo. */
    static Optional<String> to(String wanted, List<String> known) {
        return known.stream()
                .min(Comparator.comparingInt((String n) -> distance(wanted, n)).thenComparing(n -> n))
                .filter(n -> distance(wanted, n) <= Math.max(3, wanted.length() / 3) || sameNumber(wanted, n));
    }

    /**
     * The known names, sorted, as one line: all of them when there are few, otherwise the ones
     * nearest to {@code wanted} followed by how many were left out.
     */
    static String listing(String wanted, List<String> known) {
        if (known.isEmpty()) {
            return "(none)";
        }
        List<String> shown = known.size() <= LISTED ? known : known.stream()
                .sorted(Comparator.comparingInt((String n) -> distance(wanted, n)).thenComparing(n -> n))
                .limit(LISTED)
                .toList();
        String line = String.join(", ", shown.stream().sorted().toList());
        return known.size() <= LISTED ? line : line + " ... and " + (known.size() - LISTED) + " more";
    }

    private static boolean sameNumber(String a, String b) {
        int i = a.indexOf('_');
        return i > 0 && b.startsWith(a.substring(0, i + 1));
    }

    /** Levenshtein distance. */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
