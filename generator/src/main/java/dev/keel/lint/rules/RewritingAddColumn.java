package dev.keel.lint.rules;

import dev.keel.lint.Findings;
import dev.keel.lint.LintRule;
import dev.keel.lint.OperationSite;
import dev.keel.lint.SqlStatement;
import dev.keel.lint.StatementSite;
import dev.keel.operations.AddField;
import dev.keel.state.Identity;

import java.util.Optional;
import java.util.regex.Matcher;

/**
 * A column whose value PostgreSQL computes for every existing row, added to a table that holds rows: a
 * {@code serial}, {@code bigserial} or {@code smallserial} column, an identity column
 * ({@code GENERATED ... AS IDENTITY}), or a stored generated column ({@code GENERATED ALWAYS AS (...)
 * STORED}). Each rewrites the table. A volatile {@code DEFAULT} is the rule {@code volatile-default}.
 */
public final class RewritingAddColumn implements LintRule {
    @Override public String name() { return "rewriting-add-column"; }
    @Override public String why() {
        return "PostgreSQL fills a serial, identity or stored generated column for every existing row by rewriting the"
                + " whole table (a new file) under an ACCESS EXCLUSIVE lock: every read and write of the table waits for"
                + " the rewrite, minutes on a large table.";
    }
    @Override public String fix() {
        return "expand, backfill, contract: add a plain nullable column (bigint, or the generated expression's type);"
                + " for a counter, create a sequence and SET DEFAULT nextval(...) for new rows; for a computed value,"
                + " write it from the code (or a trigger) for new rows; backfill the old rows in batches after deployment;"
                + " then make it NOT NULL through a validated check, as keel makemigrations writes it. Only a new table may"
                + " declare such a column at once.";
    }
    @Override public String sqlFix() {
        return "add a plain nullable column (ADD COLUMN c bigint); for a counter, CREATE SEQUENCE and ALTER COLUMN c SET"
                + " DEFAULT nextval('seq') for new rows; for a computed value, fill it from a trigger or the code for new"
                + " rows; backfill the old rows in batches after deployment; then CHECK (c IS NOT NULL) NOT VALID, VALIDATE"
                + " CONSTRAINT, SET NOT NULL. Only a new table may declare such a column at once.";
    }

    @Override public void check(OperationSite site, Findings out) {
        if (site.operation() instanceof AddField add && site.existingTable(add.model())
                && (add.column().identity() != Identity.NONE || add.column().isGenerated())) {
            out.report(this, site.span(), (add.column().isGenerated() ? "stored generated" : "identity") + " column "
                    + add.column().name() + " is added to existing table "
                    + site.table(add.model()).orElseThrow().qualifiedName() + ", which rewrites it");
        }
    }

    @Override public void check(StatementSite site, Findings out) {
        site.statement().alteredTable().filter(site::existingTable).ifPresent(table -> {
            for (String action : site.statement().actions()) {
                Matcher m = Sql.action("ADD\\s+(?!CONSTRAINT\\b)(?:COLUMN\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?(" + Sql.NAME + ")\\s+(.*)$", action);
                if (m.find()) {
                    kind(m.group(2)).ifPresent(kind -> out.report(this, site.span(), kind + " column "
                            + SqlStatement.tableName(m.group(1)) + " added to existing table " + table + ", which rewrites it"));
                }
            }
        });
    }

    /** What makes a column definition fill every existing row: its serial type, identity, or stored expression. */
    static Optional<String> kind(String definition) {
        Matcher serial = Sql.action("\"?((?:small|big)?serial[248]?)\"?(?:\\s|$)", definition);
        if (serial.find()) {
            return Optional.of(serial.group(1).toLowerCase(java.util.Locale.ROOT));
        }
        if (Sql.action(".*\\bGENERATED\\s+(?:ALWAYS|BY\\s+DEFAULT)\\s+AS\\s+IDENTITY\\b", definition).find()) {
            return Optional.of("identity");
        }
        if (Sql.action(".*\\bGENERATED\\s+ALWAYS\\s+AS\\s*\\(", definition).find()
                && !Sql.action(".*\\)\\s*VIRTUAL\\b", definition).find()) {
            return Optional.of("stored generated");
        }
        return Optional.empty();
    }
}
