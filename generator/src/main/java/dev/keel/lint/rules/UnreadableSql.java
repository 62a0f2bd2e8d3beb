package dev.keel.lint.rules;

import dev.keel.lint.Findings;
import dev.keel.lint.LintRule;
import dev.keel.lint.MigrationMemory;
import dev.keel.lint.SqlStatement;
import dev.keel.lint.StatementSite;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL whose effect lint cannot read, so that no other rule can check it: schema changes inside a
 * {@code DO} block, dynamic SQL ({@code EXECUTE} in a {@code DO} block, a prepared statement's
 * {@code EXECUTE}, {@code dblink_exec}), a procedure {@code CALL}, a {@code DO} block in a language other
 * than PL/pgSQL, a call of a function the migration created whose body is such code, and a statement
 * that is no SQL command lint knows.
 */
public final class UnreadableSql implements LintRule {
    /** The commands PostgreSQL has: a statement starting otherwise is not one lint can read. */
    private static final Pattern COMMAND = Pattern.compile("^(?:ABORT|ALTER|ANALY[SZ]E|BEGIN|CALL|CHECKPOINT|CLOSE|CLUSTER|COMMENT"
            + "|COMMIT|COPY|CREATE|DEALLOCATE|DECLARE|DELETE|DISCARD|DO|DROP|END|EXECUTE|EXPLAIN|FETCH|GRANT|IMPORT|INSERT|LISTEN"
            + "|LOAD|LOCK|MERGE|MOVE|NOTIFY|PREPARE|REASSIGN|REFRESH|REINDEX|RELEASE|RESET|REVOKE|ROLLBACK|SAVEPOINT|SECURITY"
            + "|SELECT|SET|SHOW|START|TABLE|TRUNCATE|UNLISTEN|UPDATE|VACUUM|VALUES|WITH)\\b|^\\(", Pattern.CASE_INSENSITIVE);
    private static final String DBLINK = "\\bdblink(?:_exec|_send_query)?\\s*\\(";

    @Override public String name() { return "unreadable-sql"; }
    @Override public String why() {
        return "lint reads SQL statements, not code: a schema change inside a DO block, SQL built and run at run time"
                + " (EXECUTE, dblink_exec), or a procedure's body escapes every other rule, so its locks and rewrites go"
                + " unchecked.";
    }
    @Override public String fix() {
        return "write the statements themselves in runSql (one statement per change, with literal table and column"
                + " names), or the operations keel has for them, so that lint can check each one; if the code must stay,"
                + " read it yourself and say why it is safe: // keel:allow unreadable-sql: <reason>.";
    }

    @Override public void check(StatementSite site, Findings out) {
        reason(site.statement()).or(() -> callOfUnreadable(site.statement(), site.memory()))
                .ifPresent(reason -> out.report(this, site.span(), reason));
    }

    /** Why lint cannot read this statement, if it cannot. */
    static Optional<String> reason(SqlStatement s) {
        if (!COMMAND.matcher(s.shape()).find()) {
            String head = s.shape().split(" ", 2)[0];
            return Optional.of("\"" + head + "\" starts no SQL statement lint can read: " + abbreviate(s.shape()));
        }
        if (s.is("EXECUTE\\b")) {
            return Optional.of("EXECUTE of a prepared statement runs SQL that lint cannot see: " + abbreviate(s.shape()));
        }
        if (s.is("CALL\\b")) {
            return Optional.of("CALL of a procedure runs SQL that lint cannot see: " + abbreviate(s.shape()));
        }
        if (s.contains(DBLINK)) {
            return Optional.of("dblink runs SQL over another connection that lint cannot check: " + abbreviate(s.shape()));
        }
        if (!s.isDoBlock()) {
            return Optional.empty();
        }
        String language = s.doLanguage().orElse("?");
        if (!language.equals("plpgsql")) {
            return Optional.of("a DO block in " + (language.equals("?") ? "a form lint cannot read" : "language " + language)
                    + " runs code lint cannot read");
        }
        return SqlStatement.unreadableCode(body(s)).map(why -> "a DO block lint cannot read: " + why);
    }

    /** The calls of this statement (or inside its DO block) to functions the migration created that lint cannot read. */
    static Optional<String> callOfUnreadable(SqlStatement s, MigrationMemory memory) {
        if (s.is("(?:CREATE|DROP|ALTER|COMMENT|GRANT|REVOKE)\\b")) {
            return Optional.empty();
        }
        for (String function : memory.unreadableFunctions()) {
            String last = function.substring(function.lastIndexOf('.') + 1);
            String call = "(?<![A-Za-z0-9_$\"])(?:(?:\"[^\"]+\"|[A-Za-z_][A-Za-z0-9_$]*)\\s*\\.\\s*)?\"?"
                    + Pattern.quote(last) + "\"?\\s*\\(";
            for (SqlStatement part : s.withInner()) {
                if (Pattern.compile(call, Pattern.CASE_INSENSITIVE).matcher(part.shape()).find()) {
                    return Optional.of("the call of " + function + "(), created in this migration, runs code lint cannot read: "
                            + memory.unreadableFunction(function).orElseThrow());
                }
            }
        }
        return Optional.empty();
    }

    private static String body(SqlStatement s) {
        Matcher m = Pattern.compile("\\$([A-Za-z_0-9]*)\\$(.*)\\$\\1\\$|'((?:[^']|'')*)'", Pattern.DOTALL).matcher(s.text());
        return !m.find() ? "" : m.group(2) != null ? m.group(2) : m.group(3).replace("''", "'");
    }

    private static String abbreviate(String shape) {
        return shape.length() <= 80 ? shape : shape.substring(0, 77) + "...";
    }
}
