package dev.keel.bench.flyway;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes, for each migration named on standard input (APP.NAME, one a line, in keel's plan order), the SQL
 * {@code keel sqlmigrate APP NAME} prints, as Flyway's versioned migration V{n}__{app}_{name}.sql (and the
 * unchanged output in OUTPUT_FOLDER.keel-sql beside it). Runs keel's own command line in this one JVM (cli/target/keel.jar on the class
 * path, looked up by reflection so that this project does not depend on keel's build): the same code as
 * {@code bin/keel sqlmigrate}, without a JVM start per migration.
 *
 * <p>What changes for Flyway: an atomic migration loses its BEGIN;/COMMIT; (Flyway runs each script in its
 * own transaction, as keel does); a non-atomic one (statements such as CREATE INDEX CONCURRENTLY, which cannot
 * run in a transaction) gets a script configuration V{n}__...sql.conf with executeInTransaction=false; and a
 * guarded statement, printed for psql as {@code SELECT 'statement' WHERE [NOT] EXISTS (...) \gexec}, becomes
 * the statement itself: the benchmark applies onto a fresh database, where every guard lets its statement run
 * (keel's guards only make a re-run after a failure safe).
 *
 * <p>Arguments: KEEL_PROJECT_FOLDER OUTPUT_FOLDER.
 */
public final class ExportKeelSql {
    private static final Pattern GUARDED = Pattern.compile(
            "^SELECT '((?:[^']|'')*)' WHERE (?:NOT )?EXISTS \\(.*?\\) \\\\gexec$", Pattern.MULTILINE | Pattern.DOTALL);

    private ExportKeelSql() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: ExportKeelSql KEEL_PROJECT_FOLDER OUTPUT_FOLDER < plan (APP.NAME a line)");
            System.exit(2);
        }
        Path out = Path.of(args[1]);
        Path raw = out.resolveSibling(out.getFileName() + ".keel-sql");
        Files.createDirectories(out);
        Files.createDirectories(raw);
        List<String> plan = new String(System.in.readAllBytes()).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        Class<?> keel = Class.forName("dev.keel.cli.Keel");
        Class<?> sources = Class.forName("dev.keel.cli.MigrationSource");
        Object standard = sources.getMethod("standard").invoke(null);
        int n = 0;
        int nonAtomic = 0;
        for (String key : plan) {
            int dot = key.indexOf('.');
            if (dot <= 0) {
                throw new IllegalArgumentException("not APP.NAME: " + key);
            }
            String app = key.substring(0, dot);
            String name = key.substring(dot + 1);
            Object commandLine = keel.getMethod("commandLine", sources).invoke(null, standard);
            StringWriter text = new StringWriter();
            StringWriter errors = new StringWriter();
            commandLine.getClass().getMethod("setOut", PrintWriter.class).invoke(commandLine, new PrintWriter(text, true));
            commandLine.getClass().getMethod("setErr", PrintWriter.class).invoke(commandLine, new PrintWriter(errors, true));
            int code = (int) commandLine.getClass().getMethod("execute", String[].class)
                    .invoke(commandLine, (Object) new String[] {"-C", args[0], "sqlmigrate", app, name});
            if (code != 0) {
                throw new IllegalStateException("keel sqlmigrate " + app + " " + name + " exited " + code + ":\n" + errors);
            }
            n++;
            String sql = text.toString();
            String file = "V" + n + "__" + app + "_" + name;
            Files.writeString(raw.resolve(file + ".sql"), sql);
            boolean atomic = !sql.contains("\n-- NOT atomic");
            Files.writeString(out.resolve(file + ".sql"), forFlyway(sql, atomic));
            if (!atomic) {
                nonAtomic++;
                Files.writeString(out.resolve(file + ".sql.conf"), "executeInTransaction=false\n");
            }
        }
        System.err.println("flyway peer: wrote " + n + " migrations (" + nonAtomic + " non-atomic) to " + out);
    }

    /** keel's sqlmigrate output as a Flyway SQL migration (see the class comment). */
    static String forFlyway(String sql, boolean atomic) throws IOException {
        StringBuilder unguarded = new StringBuilder();
        Matcher m = GUARDED.matcher(sql);
        while (m.find()) {
            m.appendReplacement(unguarded, Matcher.quoteReplacement(m.group(1).replace("''", "'") + ";"));
        }
        m.appendTail(unguarded);
        if (unguarded.toString().lines().anyMatch(line -> !line.startsWith("--") && line.contains("\\gexec"))) {
            throw new IllegalStateException("a psql \\gexec line this exporter does not know:\n" + sql);
        }
        if (!atomic) {
            return unguarded.toString();
        }
        StringBuilder body = new StringBuilder();
        for (String line : unguarded.toString().split("\n", -1)) {
            if (!line.equals("BEGIN;") && !line.equals("COMMIT;")) {
                body.append(line).append('\n');
            }
        }
        return body.toString();
    }
}
