package dev.keel.lint.rules;

import dev.keel.lint.Findings;
import dev.keel.lint.LintRule;
import dev.keel.lint.OperationSite;
import dev.keel.lint.StatementSite;
import dev.keel.operations.RemoveEnumValue;

/**
 * A value taken out of an enum type: {@code removeEnumValue} rebuilds the type and rewrites every column of it under an
 * exclusive lock, failing while a row holds the value; a {@code DELETE FROM pg_enum} leaves the rows that hold it
 * unreadable; {@code ALTER TYPE ... RENAME VALUE} takes the old value away from the running code at once.
 */
public final class EnumValueRemoval implements LintRule {
    @Override public String name() { return "enum-value-removal"; }
    @Override public String why() {
        return "PostgreSQL cannot drop an enum value: the rebuild of the type rewrites every table with a column of it under"
                + " an exclusive lock and fails while a row holds the value, and the code still running during the deploy"
                + " writes it; deleting the value from pg_enum leaves the rows that hold it unreadable; renaming it takes the old"
                + " value away from the running code at once.";
    }
    @Override public String fix() {
        return "expand and contract: stop writing the value and deploy; move the rows off it in a data migration; then take"
                + " it out with removeEnumValue in a later deploy, on small tables or a quiet hour (keel makemigrations"
                + " --allow-unsafe enum-value-removal writes it). A rename is an addition and a removal: add the new value,"
                + " deploy code that writes it and reads both, move the rows, then take the old one out.";
    }
    @Override public String sqlFix() {
        return "expand and contract: stop writing the value and deploy; UPDATE the rows off it; then, in a later deploy, rebuild"
                + " the type (ALTER TYPE t RENAME TO t_old; CREATE TYPE t AS ENUM (...); ALTER TABLE ... ALTER COLUMN ... TYPE t"
                + " USING c::text::t; DROP TYPE t_old) on small tables or a quiet hour. Never DELETE FROM pg_enum. For a rename, ALTER TYPE"
                + " ... ADD VALUE the new one, deploy code that writes it and reads both, UPDATE the rows, then take the old out.";
    }

    @Override public void check(OperationSite site, Findings out) {
        if (site.operation() instanceof RemoveEnumValue remove) {
            out.report(this, site.span(), "value " + remove.value() + " is taken out of enum type " + remove.type()
                    + ", which rebuilds it and rewrites " + String.join(", ", site.before().columnsOfEnumType(remove.type())));
        }
        if (site.operation() instanceof dev.keel.operations.RenameEnumValue rename
                && site.migration().before().enumType(rename.type()).isPresent()) {
            out.report(this, site.span(), "value " + rename.oldValue() + " of enum type " + rename.type() + " is renamed to "
                    + rename.newValue() + " at once: the old value is gone for the code still running, whose writes of it fail");
        }
    }

    @Override public void check(StatementSite site, Findings out) {
        if (site.statement().is("DELETE\\s+FROM\\s+(?:pg_catalog\\s*\\.\\s*)?pg_enum\\b")) {
            out.report(this, site.span(), "DELETE FROM pg_enum takes values out of an enum type behind PostgreSQL's back");
        }
        site.statement().match("ALTER\\s+TYPE\\s+(" + Sql.NAME + ")\\s+RENAME\\s+VALUE\\b").ifPresent(m ->
                out.report(this, site.span(), "a value of enum type " + dev.keel.lint.SqlStatement.tableName(m.group(1))
                        + " is renamed at once: the old value is gone for the code still running, whose writes of it fail"
                        + " and whose reads no longer find it"));
    }
}
