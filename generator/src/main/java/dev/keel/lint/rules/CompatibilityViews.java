package dev.keel.lint.rules;

import dev.keel.lint.MigrationSite;
import dev.keel.lint.SqlStatement;
import dev.keel.operations.CreateCompatibilityView;
import dev.keel.operations.Operation;
import dev.keel.operations.RunSql;
import dev.keel.state.QualifiedNames;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The expand form of a table rename as keel writes it (and as it may be written by hand): the same
 * migration keeps the old name usable by the code still running, with a view under the old name over the
 * renamed table ({@code createCompatibilityView}, or {@code CREATE VIEW old AS SELECT ... FROM new} in SQL).
 */
final class CompatibilityViews {
    private static final Pattern CREATE_VIEW = Pattern.compile(
            "^CREATE\\s+(?:OR\\s+REPLACE\\s+)?VIEW\\s+(" + SqlStatement.NAME + ")\\b.*?\\bFROM\\s+(?:ONLY\\s+)?(" + SqlStatement.NAME + ")",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private CompatibilityViews() {}

    /** Whether the migration keeps {@code oldName} as a view over {@code newName} (names as keel's state writes them). */
    static boolean keepsOldName(MigrationSite migration, String oldName, String newName) {
        for (Operation op : migration.spec().operations()) {
            if (op instanceof CreateCompatibilityView v && v.view().equals(oldName) && v.table().equals(newName)) {
                return true;
            }
            if (op instanceof RunSql sql) {
                for (SqlStatement s : SqlStatement.split(sql.sql())) {
                    Optional<String[]> view = view(s);
                    if (view.isPresent() && view.get()[0].equals(oldName) && view.get()[1].equals(newName)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The view's name and the table it selects from, of a {@code CREATE VIEW} statement. */
    private static Optional<String[]> view(SqlStatement s) {
        Matcher m = CREATE_VIEW.matcher(s.shape());
        return m.find() ? Optional.of(new String[] {SqlStatement.tableName(m.group(1)), SqlStatement.tableName(m.group(2))}) : Optional.empty();
    }

    /** The name a table gets from {@code RENAME TO name}: a bare new name stays in the table's schema. */
    static String renamedTo(String table, String written) {
        String name = SqlStatement.tableName(written);
        String schema = QualifiedNames.schemaOf(table);
        return schema == null || name.contains(".") ? name : schema + "." + name;
    }
}
