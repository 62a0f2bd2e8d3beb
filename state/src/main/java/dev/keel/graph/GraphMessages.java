package dev.keel.graph;

import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationSpec;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The text of every graph error: where, what, then "To fix: ...". */
final class GraphMessages {
    private GraphMessages() {}

    /** Where a migration comes from: its file or class, else its key. */
    static String where(MigrationSpec spec) {
        return spec.origin() == null || spec.origin().isBlank() ? spec.key().toString() : spec.origin();
    }

    static String duplicate(MigrationSpec first, MigrationSpec second) {
        return where(second) + ": migration " + second.key() + " is defined twice:\n"
                + "  first in  " + where(first) + "\n"
                + "  again in  " + where(second) + "\n"
                + "To fix: keep one of them; if both are needed, give one the next free number (its file, its class,"
                + " and every dependsOn that names it).";
    }

    static String missing(MigrationSpec spec, MigrationKey dep, List<String> namesInApp, Collection<String> apps) {
        String call = "dependsOn(\"" + dep.app() + "\", \"" + dep.name() + "\")";
        String head = where(spec) + ": migration " + spec.key() + " depends on " + dep;
        if (namesInApp.isEmpty()) {
            return head + ", but app " + dep.app() + " has no migrations.\n"
                    + "  Apps with migrations: " + (apps.isEmpty() ? "(none)" : String.join(", ", apps)) + "\n"
                    + "To fix: correct the app label in " + call + ", or add app " + dep.app() + " to keel.json"
                    + " so that its migrations are read.";
        }
        Optional<String> closest = Closest.to(dep.name(), namesInApp);
        return head + ", which does not exist.\n"
                + "  Migrations of " + dep.app() + ": " + Closest.listing(dep.name(), namesInApp) + "\n"
                + closest.map(c -> "  Closest match: " + c + "\n").orElse("")
                + "To fix: correct " + call + " in that file"
                + closest.map(c -> " (did you mean \"" + c + "\"?)").orElse("")
                + ", or restore the missing migration.";
    }

    static String cycle(List<MigrationKey> cycle, Map<MigrationKey, MigrationSpec> nodes) {
        int width = cycle.stream().mapToInt(k -> k.toString().length()).max().orElse(0);
        String members = cycle.subList(0, cycle.size() - 1).stream()
                .map(k -> "  " + pad(k.toString(), width) + "  in " + where(nodes.get(k)))
                .collect(Collectors.joining("\n"));
        return where(nodes.get(cycle.get(0))) + ": dependency cycle: "
                + cycle.stream().map(MigrationKey::toString).collect(Collectors.joining(" → "))
                + " (each depends on the next)\n" + members + "\n"
                + "To fix: remove one of these dependencies; a migration may depend only on migrations written"
                + " before it.";
    }

    static String partlyAppliedSquash(MigrationSpec squash, List<MigrationKey> applied, List<MigrationKey> notApplied,
                                      List<MigrationKey> absent) {
        return where(squash) + ": squashed migration " + squash.key() + " replaces migrations that are partly applied"
                + " (applied: " + names(applied) + "; not applied: " + names(notApplied) + "), and some of them are"
                + " no longer present: " + names(absent) + ".\n"
                + "To fix: restore the replaced migration files until every database has applied all of them.";
    }

    private static String names(List<MigrationKey> keys) {
        return keys.stream().map(MigrationKey::toString).collect(Collectors.joining(", "));
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
    }
}
