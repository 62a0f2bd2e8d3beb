package dev.keel.lint;

import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationSpec;
import dev.keel.operations.RunSql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A migration written as a plain SQL file, the way Flyway ({@code V2__add_email.sql}) and Liquibase (formatted
 * SQL) keep them, read as lint needs it: each unit the tool runs becomes one migration of a single
 * {@code RunSql}, atomic when the tool would run it in one transaction. A Flyway file is one unit; a
 * Liquibase formatted SQL file ({@code --liquibase formatted sql}) is one unit per {@code --changeset}.
 * Lines stay those of the file, so a finding points at the statement's own line.
 *
 * <p>When the tool runs a unit outside a transaction:
 * <ul>
 *   <li>Flyway: {@code executeInTransaction=false} in the script's configuration file
 *       ({@code V2__add_email.sql.conf}), or every statement of the file is one PostgreSQL refuses inside a
 *       transaction ({@code CREATE INDEX CONCURRENTLY}, {@code VACUUM}...), which Flyway then runs alone;</li>
 *   <li>Liquibase: {@code runInTransaction:false} on the {@code --changeset} line.</li>
 * </ul>
 * Allow comments are written as SQL comments: {@code -- keel:allow RULE: REASON}.
 */
public final class SqlMigrationFile {
    private static final Pattern LIQUIBASE = Pattern.compile("^\\s*--\\s*liquibase\\s+formatted\\s+sql\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CHANGESET = Pattern.compile("^\\s*--\\s*changeset\\s+(\\S+)(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern NO_TRANSACTION = Pattern.compile("\\brunInTransaction\\s*:\\s*false\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern CONF_NO_TRANSACTION = Pattern.compile("(?m)^\\s*executeInTransaction\\s*=\\s*(?i:false)\\s*$");
    /** Statements PostgreSQL does not run inside a transaction block. */
    private static final Pattern NON_TRANSACTIONAL = Pattern.compile(
            "^(?:(?:CREATE\\s+(?:UNIQUE\\s+)?INDEX|DROP\\s+INDEX|REINDEX(?:\\s+\\(.*?\\))?\\s+\\w+)\\s+CONCURRENTLY\\b"
                    + "|VACUUM\\b|CREATE\\s+DATABASE\\b|DROP\\s+DATABASE\\b|ALTER\\s+SYSTEM\\b|CREATE\\s+TABLESPACE\\b"
                    + "|DROP\\s+TABLESPACE\\b|ALTER\\s+TABLE\\b.*\\bDETACH\\s+PARTITION\\b.*\\bCONCURRENTLY\\b)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /** A transaction written out: {@code BEGIN}, {@code START TRANSACTION}. */
    private static final Pattern TRANSACTION_START = Pattern.compile("^(?:BEGIN(?:\\s+(?:WORK|TRANSACTION))?(?:\\s+ISOLATION\\b.*|\\s+READ\\b.*)?$"
            + "|START\\s+TRANSACTION\\b)", Pattern.CASE_INSENSITIVE);
    /** Its end: {@code COMMIT}, {@code END}, {@code ROLLBACK} (not {@code ROLLBACK TO} a savepoint). */
    private static final Pattern TRANSACTION_END = Pattern.compile("^(?:COMMIT|END|ROLLBACK|ABORT)\\b(?!\\s+(?:PREPARED\\b|(?:WORK\\s+|TRANSACTION\\s+)?TO\\b))",
            Pattern.CASE_INSENSITIVE);

    /**
     * One unit of the file: the migration lint checks and its source as lint reads it; {@code continuesFile} when it is
     * a later part of a file run without a transaction that writes transactions out, run right after the part before.
     */
    public record Unit(MigrationSpec spec, MigrationFile source, boolean continuesFile) {}

    private static final Pattern FLYWAY_VERSION = Pattern.compile("^V(\\d+(?:[._]\\d+)*)__", Pattern.CASE_INSENSITIVE);

    /**
     * The order in which lint reads migration files: by folder, and in a folder the versioned Flyway files by version
     * ({@code V2__} before {@code V10__}, {@code V1_1__} before {@code V1_2__}), as Flyway runs them, then the others by name.
     */
    public static final java.util.Comparator<Path> RUN_ORDER = java.util.Comparator
            .comparing((Path p) -> String.valueOf(p.toAbsolutePath().normalize().getParent()))
            .thenComparing(SqlMigrationFile::flywayVersion, SqlMigrationFile::compareVersions)
            .thenComparing(p -> p.getFileName().toString());

    private static List<Long> flywayVersion(Path file) {
        Matcher m = FLYWAY_VERSION.matcher(file.getFileName().toString());
        if (!m.find()) {
            return List.of();
        }
        var parts = new ArrayList<Long>();
        for (String part : m.group(1).split("[._]")) {
            parts.add(part.length() > 18 ? Long.MAX_VALUE : Long.parseLong(part));
        }
        return parts;
    }

    /** Versions in order; a file without one after those with one. */
    private static int compareVersions(List<Long> a, List<Long> b) {
        if (a.isEmpty() != b.isEmpty()) {
            return a.isEmpty() ? 1 : -1;
        }
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            int c = Long.compare(i < a.size() ? a.get(i) : 0, i < b.size() ? b.get(i) : 0);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private SqlMigrationFile() {}

    /** Whether lint reads this file as SQL. */
    public static boolean isSql(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sql");
    }

    /** The units of the file, each a migration of app {@code app}. */
    public static List<Unit> read(Path file, String app) {
        String text = read(file);
        String name = file.getFileName().toString().replaceFirst("(?i)\\.sql$", "");
        List<AllowComment> allows = AllowComment.findInSql(text);
        String[] lines = text.split("\n", -1);
        if (lines.length > 0 && LIQUIBASE.matcher(lines[0]).find()) {
            return changesets(file, name, app, lines, allows);
        }
        boolean atomic = !flywayConfSaysNoTransaction(file) && !allNonTransactional(text);
        return units(file, app, name, text, 1, lines.length, atomic, allows);
    }

    private static List<Unit> changesets(Path file, String name, String app, String[] lines, List<AllowComment> allows) {
        var units = new ArrayList<Unit>();
        int start = -1;
        String id = null;
        boolean atomic = true;
        for (int i = 0; i <= lines.length; i++) {
            Matcher m = i < lines.length ? CHANGESET.matcher(lines[i]) : null;
            if (m != null && !m.find()) {
                continue;
            }
            if (start >= 0) {
                // the unit keeps the file's line numbers: the lines before it become empty lines
                var sb = new StringBuilder("\n".repeat(start));
                for (int j = start; j < i; j++) {
                    sb.append(lines[j]).append('\n');
                }
                units.addAll(units(file, app, name + "#" + id, sb.toString(), start + 1, i, atomic, allows));
            }
            if (m != null) {
                start = i;
                id = m.group(1);
                atomic = !NO_TRANSACTION.matcher(m.group(2)).find();
            }
        }
        return units;
    }

    /**
     * The unit of this text, or when it runs outside a transaction and writes transactions out ({@code BEGIN; ...
     * COMMIT;}), one unit for each run of statements in turn: each written-out transaction an atomic unit of its own
     * statements, those between them units without a transaction. Lines stay those of the file.
     */
    private static List<Unit> units(Path file, String app, String name, String sql, int first, int last, boolean atomic,
                                    List<AllowComment> allows) {
        List<SqlStatement> statements = atomic ? List.of() : SqlStatement.split(sql);
        if (statements.stream().noneMatch(s -> TRANSACTION_START.matcher(s.shape()).find())) {
            return List.of(unit(file, app, name, sql, first, last, atomic, allows));
        }
        var units = new ArrayList<Unit>();
        var run = new ArrayList<SqlStatement>();
        boolean inTransaction = false;
        for (SqlStatement s : statements) {
            boolean opens = !inTransaction && TRANSACTION_START.matcher(s.shape()).find();
            boolean closes = inTransaction && TRANSACTION_END.matcher(s.shape()).find();
            if (opens || closes) {
                addRun(units, file, app, name, run, inTransaction, allows);
                inTransaction = opens;
            } else {
                run.add(s);
            }
        }
        addRun(units, file, app, name, run, inTransaction, allows);
        return units;
    }

    /** Adds the statements of {@code run} as a unit (atomic when they ran in a written-out transaction) and empties it. */
    private static void addRun(List<Unit> units, Path file, String app, String name, List<SqlStatement> run, boolean atomic,
                               List<AllowComment> allows) {
        if (run.isEmpty()) {
            return;
        }
        var sb = new StringBuilder();
        int line = 1;
        for (SqlStatement s : run) {
            sb.append("\n".repeat(Math.max(0, s.line() - line))).append(s.text()).append(";\n");
            line = s.span().last() + 1;
        }
        String part = name + "#" + (units.size() + 1) + (atomic ? " (BEGIN ... COMMIT)" : "");
        Unit unit = unit(file, app, part, sb.toString(), run.get(0).line(), run.get(run.size() - 1).span().last(), atomic, allows);
        units.add(units.isEmpty() ? unit : new Unit(unit.spec(), unit.source(), true));
        run.clear();
    }

    private static Unit unit(Path file, String app, String name, String sql, int first, int last, boolean atomic,
                             List<AllowComment> allows) {
        var spec = new MigrationSpec(new MigrationKey(app, name), List.of(), List.of(new RunSql(sql, RunSql.NOOP)),
                atomic, false, false, List.of(), file.toString());
        var span = new Span(first, Math.max(first, last));
        return new Unit(spec, new MigrationFile(file, "", List.of(), List.of(span), span, allows, true), false);
    }

    private static boolean flywayConfSaysNoTransaction(Path file) {
        Path conf = file.resolveSibling(file.getFileName() + ".conf");
        return Files.isRegularFile(conf) && CONF_NO_TRANSACTION.matcher(read(conf)).find();
    }

    /** Whether the text has statements and PostgreSQL would refuse each of them in a transaction. */
    static boolean allNonTransactional(String text) {
        List<SqlStatement> statements = SqlStatement.split(text);
        return !statements.isEmpty() && statements.stream().allMatch(s -> NON_TRANSACTIONAL.matcher(s.shape()).find());
    }

    /** The file's text, without a byte order mark (Flyway and Liquibase skip it). */
    private static String read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
