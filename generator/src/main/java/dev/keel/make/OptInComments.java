package dev.keel.make;

import dev.keel.config.KeelConfig;
import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.lint.Finding;
import dev.keel.lint.LintRule;
import dev.keel.lint.Linter;
import dev.keel.migration.MigrationSpec;
import dev.keel.project.ProjectState;
import dev.keel.rewrite.SafetyOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A migration written on request of {@code --allow-unsafe} carries, on the line of each operation the
 * request let through, the allow comment {@code keel lint} reads ({@code // keel:allow RULE: REASON}),
 * with the option as the reason: what the user asked for passes the pre-commit hook and CI, and the
 * file needs no hand edit.
 */
final class OptInComments {
    /** The lint rules each opt-in lets through. */
    static final Map<String, List<String>> RULES = Map.of(
            SafetyOptions.RENAME, List.of("rename-table", "rename-column"),
            SafetyOptions.TYPE_CHANGE, List.of("column-type-change"),
            SafetyOptions.GENERATED_COLUMN, List.of("rewriting-add-column", "table-rewrite"));

    private OptInComments() {}

    /** {@code source} with an allow comment on each line where a rule of an opt-in in {@code safety} finds something. */
    static String annotate(KeelConfig config, String source, MigrationSpec spec, ProjectState before, SafetyOptions safety) {
        var rules = new ArrayList<LintRule>();
        var optionOf = new TreeMap<String, String>();
        RULES.forEach((option, names) -> {
            if (safety.allows(option)) {
                names.forEach(n -> {
                    rules.add(Linter.rule(n).orElseThrow());
                    optionOf.put(n, option);
                });
            }
        });
        if (rules.isEmpty()) {
            return source;
        }
        List<Finding> findings;
        try {
            Path dir = Files.createTempDirectory("keel-optin");
            Path file = dir.resolve(Path.of(spec.origin()).getFileName());
            try {
                Files.writeString(file, source);
                findings = new Linter(rules).lintFile(config, file, spec, before);
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new KeelException(ErrorKind.USAGE, "cannot write a scratch copy of " + spec.origin() + ": " + e.getMessage(), e);
        }
        // one comment on the line above the operation; a second rule on the same operation at the end of its line
        var byLine = new TreeMap<Integer, List<String>>(java.util.Comparator.reverseOrder());
        for (Finding f : findings) {
            String comment = "// keel:allow " + f.rule() + ": written by keel makemigrations --allow-unsafe "
                    + optionOf.get(f.rule()) + " (" + f.message() + ")";
            List<String> comments = byLine.computeIfAbsent(f.line(), k -> new ArrayList<>());
            if (!comments.contains(comment)) {
                comments.add(comment);
            }
        }
        var lines = new ArrayList<>(List.of(source.split("\n", -1)));
        byLine.forEach((line, comments) -> {
            String op = lines.get(line - 1);
            if (comments.size() > 1) {
                lines.set(line - 1, op + " " + comments.get(1));
            }
            String indent = op.substring(0, op.length() - op.stripLeading().length());
            lines.add(line - 1, indent + comments.get(0));
        });
        return String.join("\n", lines);
    }
}
