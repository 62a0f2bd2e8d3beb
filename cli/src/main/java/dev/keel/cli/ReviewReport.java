package dev.keel.cli;

import dev.keel.diagram.Mermaid;
import dev.keel.diagram.SchemaDiagram;
import dev.keel.lint.Finding;
import dev.keel.migration.MigrationSpec;

import java.util.List;

/**
 * What {@code keel sqlmigrate --changed-since REV} prints for a pull request: for each migration the
 * branch adds, its operations, its SQL, its phase and what lint finds, as Markdown (to post as a
 * comment) or as plain text. The Markdown draws the tables the migrations change, and those they reference, as a
 * Mermaid ER diagram (GitHub and GitLab draw it in the comment). Pure: the entries and the diagram are gathered
 * by the command.
 */
record ReviewReport(String since, List<Entry> entries, SchemaDiagram tables) {
    /** One added migration. */
    record Entry(MigrationSpec spec, String file, String sql, List<Finding> findings, List<String> allowed) {
        String phase() {
            return spec.postDeployment() ? "post-deployment" : "deploy";
        }

        String transaction() {
            return spec.atomic() ? "atomic (one transaction)" : "not atomic (each statement commits on its own)";
        }

        String lintSummary() {
            return findings.isEmpty() ? "clean" : findings.size() + (findings.size() == 1 ? " finding" : " findings");
        }
    }

    ReviewReport {
        entries = List.copyOf(entries);
        tables = tables == null ? new SchemaDiagram(List.of(), List.of()) : tables;
    }

    private String heading() {
        int n = entries.size();
        return n == 0 ? "keel: no new migrations since " + since
                : "keel: " + n + " new migration" + (n == 1 ? "" : "s") + " since " + since;
    }

    private long findings() {
        return entries.stream().mapToLong(e -> e.findings().size()).sum();
    }

    /** Markdown for a pull-request comment: a summary table, then one section per migration. */
    String markdown() {
        var md = new StringBuilder("## ").append(heading()).append("\n\n");
        if (entries.isEmpty()) {
            return md.append("This change adds no migration files.\n").toString();
        }
        md.append("| migration | phase | operations | lint |\n|---|---|---|---|\n");
        for (Entry e : entries) {
            md.append("| `").append(e.spec().key()).append("` | ").append(e.phase()).append(" | ")
                    .append(e.spec().operations().size()).append(" | ").append(e.lintSummary()).append(" |\n");
        }
        md.append('\n').append(findings() == 0 ? "keel lint finds nothing unsafe.\n"
                : "keel lint: " + findings() + " finding" + (findings() == 1 ? "" : "s") + " to look at before merging.\n");
        if (!tables.isEmpty()) {
            md.append("\n**Tables changed**, with the tables they reference (columns marked added, removed, changed or"
                    + " pending deletion):\n\n```mermaid\n").append(Mermaid.er(tables))
                    .append("```\n");
        }
        for (Entry e : entries) {
            md.append("\n### `").append(e.spec().key()).append("`\n\n");
            md.append('`').append(e.file()).append("` · ").append(e.phase()).append(" · ").append(e.transaction())
                    .append("\n\n");
            if (e.spec().postDeployment()) {
                md.append("Runs after the deploy, with `keel migrate --post-deploy`, without the statement timeout.\n\n");
            }
            md.append("**Operations**\n\n");
            if (e.spec().operations().isEmpty()) {
                md.append("- (none: a merge migration)\n");
            }
            e.spec().operations().forEach(op -> md.append("- ").append(op.describe()).append('\n'));
            md.append("\n**SQL**\n\n```sql\n").append(e.sql().strip()).append("\n```\n\n**Lint**: ").append(e.lintSummary())
                    .append('\n');
            if (!e.findings().isEmpty()) {
                md.append('\n');
                for (Finding f : e.findings()) {
                    md.append("- **").append(f.rule()).append("** (line ").append(f.line()).append("): ")
                            .append(f.message()).append("\n  - why: ").append(f.why()).append("\n  - fix: ")
                            .append(f.fix()).append('\n');
                }
            }
            e.allowed().forEach(a -> md.append("- allowed: ").append(a).append('\n'));
        }
        return md.toString();
    }

    /** The same, as plain text for a terminal or a CI log. */
    String text() {
        var t = new StringBuilder(heading()).append('\n');
        for (Entry e : entries) {
            t.append("\n== ").append(e.spec().key()).append("  (").append(e.phase()).append(", ").append(e.transaction())
                    .append(")\n   ").append(e.file()).append("\n\nOperations:\n");
            e.spec().operations().forEach(op -> t.append("  - ").append(op.describe()).append('\n'));
            t.append("\nSQL:\n").append(e.sql().strip().indent(2)).append("\nLint: ").append(e.lintSummary()).append('\n');
            e.findings().forEach(f -> t.append(f.render().indent(2)));
            e.allowed().forEach(a -> t.append("  allowed: ").append(a).append('\n'));
        }
        return t.toString();
    }
}
