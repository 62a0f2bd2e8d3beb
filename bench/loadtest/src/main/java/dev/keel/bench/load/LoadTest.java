package dev.keel.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The online-DDL load test (brief §10, issue 8). For every change in {@code bench/loadtest/scenarios}:
 * keel's generator writes the migrations from the base entities to the changed ones (makemigrations,
 * run until it has nothing more to write); then, twice, on a fresh copy of a database whose
 * {@code ticket} table holds a million rows, client threads write continuously while first keel's
 * runner applies those migrations ({@code keel migrate}, then {@code keel migrate --post-deploy}),
 * and then, on another fresh copy, while the SQL a plain diff tool would run is applied in one
 * transaction. Each write's latency and failure is recorded; the report gives, per change and tool,
 * the failed writes, the longest write and the 99th percentile among the writes that overlap the
 * migration, and the longest lock wait seen with the statement and lock behind it.
 *
 * <p>A change the old and the new code write differently (a renamed table or column, a wider type) runs
 * as a rolling deploy does: the new code starts when {@code keel migrate} (the deploy) ends, half the
 * writers then write as the new entity class does and half as the old one; after the post-deployment
 * phase (the backfill) the run compares, on every row, the new column with the old one converted, while
 * both still write; then the old code stops and keel applies the contract ({@code makemigrations
 * --delete-pending}) under the same load. Each side's writes and failures are reported apart.
 *
 * <p>Run by {@code bench/loadtest.sh}, which starts PostgreSQL and builds keel.
 */
public final class LoadTest {
    private static final String APP_PACKAGE_PATH = "src/main/java/com/example/load";
    private static final String TEMPLATE_DB = "keel_load_template";
    private static final String RUN_DB = "keel_load_run";
    /** The template of a change whose entity before it is not the base one (its Before.java). */
    private static final String BEFORE_TEMPLATE_DB = "keel_load_template_before";

    private final Options options;
    private final Keel keel;
    private final Properties props = new Properties();

    private LoadTest(Options options) {
        this.options = options;
        this.keel = new Keel(options.keel);
        props.setProperty("user", options.user);
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("loadtest: " + e.getMessage() + "\n" + Options.USAGE);
            System.exit(2);
            return;
        }
        new LoadTest(options).run();
    }

    private void run() throws Exception {
        List<Scenario> scenarios = Scenario.loadAll(options.scenarios, options.only);
        Path projects = options.work.resolve("projects");
        Path logs = options.work.resolve("logs");
        Files.createDirectories(logs);

        log("generating keel's migrations for " + scenarios.size() + " changes");
        Path base = projects.resolve("base");
        writeBaseProject(base);
        keel.runOrFail(base, "makemigrations");
        Map<Scenario, Generated> generated = new LinkedHashMap<>();
        for (Scenario s : scenarios) {
            generated.put(s, generate(s, base, projects, logs));
        }

        log("building the template database: " + options.rows + " tickets, " + options.owners + " owners");
        recreate(TEMPLATE_DB, null);
        keel.runOrFail(base, "migrate", "--url", url(TEMPLATE_DB));
        populate(TEMPLATE_DB);

        List<Result> results = new ArrayList<>();
        for (Scenario s : scenarios) {
            String template = TEMPLATE_DB;
            if (s.before() != null) {
                log(s.name() + ": applying the migrations of its Before.java to a copy of the template (not measured)");
                template = BEFORE_TEMPLATE_DB;
                recreate(template, TEMPLATE_DB);
                Path beforeProject = projects.resolve(s.name() + "-before");
                keel.runOrFail(beforeProject, "migrate", "--url", url(template));
                keel.runOrFail(beforeProject, "migrate", "--url", url(template), "--post-deploy");
                vacuum(template);
            }
            for (Tool tool : Tool.values()) {
                log(s.name() + " with " + tool.label);
                Result r = runOnce(s, tool, template, projects, logs);
                results.add(r);
                log("  " + r.summary());
            }
            if (s.before() != null) {
                dropDatabase(template);
            }
        }
        dropDatabase(TEMPLATE_DB);

        String md = Report.markdown(options, scenarios, generated, results, serverVersion());
        Files.writeString(options.outMarkdown, md);
        log("report written to " + options.outMarkdown);
        System.out.println(md);
    }

    enum Tool {
        KEEL("keel"), NAIVE("naive SQL");
        final String label;

        Tool(String label) {
            this.label = label;
        }
    }

    /** One change applied by one tool under load. */
    record Result(Scenario scenario, Tool tool, boolean applied, String applyNote, long migrationNanos,
                  WriteStats during, WriteStats since, WriteStats before, Map<String, Long> errors,
                  LockWaitMonitor.Wait longestWait, List<String> moved, WriteStats oldCodeSince, WriteStats newCodeSince,
                  Equality equality, Contract contract) {
        /**
         * Brief §10: no failed write, and no write blocked longer than the lock timeout. A write that
         * waited the whole lock timeout still takes its own time after that, so the bound on the
         * longest write is the lock timeout plus the longest write seen before the migration began.
         * A change with an equality check also needs every row equal after the backfill, and one with a
         * contract needs the contract applied under the same bound.
         */
        boolean meetsGoal(long lockTimeoutNanos) {
            long bound = lockTimeoutNanos + before.maxNanos();
            return applied && since.failed() == 0 && during.maxNanos() <= bound
                    && (equality == null || equality.allEqual())
                    && (contract == null || (contract.applied() && contract.during().maxNanos() <= bound));
        }

        String summary() {
            return String.format("%s: migration %s (%s); %d writes during it, %d failed from its start to the end of the run, longest %s, p99 %s; lock wait: %s%s%s%s",
                    tool.label, applied ? "applied" : "FAILED", WriteStats.millis(migrationNanos), during.writes(), since.failed(),
                    WriteStats.millis(during.maxNanos()), WriteStats.millis(during.p99Nanos()), longestWait.describe(),
                    moved.isEmpty() ? "" : "; keel migrate moved to --post-deploy: " + String.join("; ", moved),
                    equality == null ? "" : "; after the backfill: " + equality.describe(),
                    contract == null ? "" : "; contract: " + contract.describe());
        }
    }

    /**
     * The equality check after keel's post-deployment phase, on every row of the table: how many rows, how
     * many where the new column or the converted old one is NULL or they differ (the first ids of those), or
     * why the check could not run.
     */
    record Equality(long rows, long unequal, List<Long> firstUnequalIds, String error) {
        boolean allEqual() {
            return error == null && unequal == 0 && rows > 0;
        }

        String describe() {
            return error != null ? "check failed: " + error
                    : String.format("%,d rows compared, %,d unequal%s", rows, unequal,
                    firstUnequalIds.isEmpty() ? "" : " (ids " + firstUnequalIds.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ", ...)");
        }
    }

    /**
     * The contract ({@code makemigrations --delete-pending}) applied by keel once the old code has stopped:
     * whether it applied, why not, how long it took, the writes that overlap it.
     */
    record Contract(boolean applied, String note, long nanos, WriteStats during) {
        String describe() {
            return String.format("%s (%s), %d writes during it, longest %s%s", applied ? "applied" : "FAILED",
                    WriteStats.millis(nanos), during.writes(), WriteStats.millis(during.maxNanos()), note.isEmpty() ? "" : ": " + note);
        }
    }

    private Result runOnce(Scenario s, Tool tool, String template, Path projects, Path logs) throws Exception {
        recreate(RUN_DB, template);
        Path project = projects.resolve(s.name());
        WriteLoad.Code newCode = s.newCode();
        long epoch = System.nanoTime();
        LockWaitMonitor monitor = new LockWaitMonitor(url(RUN_DB), props, 20);
        WriteLoad load = new WriteLoad(url(RUN_DB), props, options.threads, options.rate, options.rows, options.owners, epoch, s.oldCode(), newCode);
        monitor.start();
        load.start();
        Thread.sleep(options.settleMillis);

        Thread reader = s.readerMillis() > 0 ? startReader(s.readerMillis()) : null;
        long from = System.nanoTime() - epoch;
        boolean applied;
        String note;
        List<String> moved = List.of();
        StringBuilder log = new StringBuilder();
        if (tool == Tool.KEEL) {
            Keel.Outcome deploy = keel.run(project, "migrate", "--url", url(RUN_DB));
            if (deploy.ok()) {
                load.deploy(); // the deploy is done: the new code starts while the old code still runs
            }
            moved = moved(deploy.output());
            Keel.Outcome post = deploy.ok() ? keel.run(project, "migrate", "--url", url(RUN_DB), "--post-deploy") : null;
            log.append(deploy.output()).append(post == null ? "" : post.output());
            applied = deploy.ok() && post.ok();
            note = !deploy.ok() ? "keel migrate exited " + deploy.exitCode() + ": " + deploy.lastLine()
                    : !post.ok() ? "keel migrate --post-deploy exited " + post.exitCode() + ": " + post.lastLine() : "";
        } else {
            note = applyNaive(s.naiveSql(), log);
            applied = note.isEmpty();
            load.deploy();
        }
        long to = System.nanoTime() - epoch;
        if (reader != null) {
            reader.join();
        }

        Thread.sleep(options.settleMillis);
        Equality equality = null;
        if (s.equalityCheck() != null && tool == Tool.KEEL) {
            equality = applied ? checkEquality(s, log) : new Equality(0, 0, List.of(), "not run: the migration failed");
            log("  after the backfill: " + equality.describe());
        }
        long contractFrom = 0;
        long contractTo = 0;
        boolean contractApplied = false;
        String contractNote = "";
        if (s.contract()) {
            load.retireOldCode(); // the deploy is over: the old code is gone, only then may the old column go
            contractFrom = System.nanoTime() - epoch;
            if (tool == Tool.KEEL && applied) {
                Path contract = projects.resolve(s.name() + "-contract");
                Keel.Outcome deploy = keel.run(contract, "migrate", "--url", url(RUN_DB));
                Keel.Outcome post = deploy.ok() ? keel.run(contract, "migrate", "--url", url(RUN_DB), "--post-deploy") : null;
                log.append("-- the contract (makemigrations --delete-pending), once the old code stopped\n")
                        .append(deploy.output()).append(post == null ? "" : post.output());
                contractApplied = deploy.ok() && post.ok();
                contractNote = !deploy.ok() ? "keel migrate exited " + deploy.exitCode() + ": " + deploy.lastLine()
                        : !post.ok() ? "keel migrate --post-deploy exited " + post.exitCode() + ": " + post.lastLine() : "";
            } else if (tool == Tool.KEEL) {
                contractNote = "not run: the migration failed";
            }
            contractTo = System.nanoTime() - epoch;
            Thread.sleep(options.settleMillis);
        }
        WriteLoad.Writes writes = load.stop();
        monitor.close();
        Files.writeString(logs.resolve(s.name() + "-" + tool.name().toLowerCase() + ".log"), log);
        dropDatabase(RUN_DB);
        if (monitor.failure() != null) {
            note = (note.isEmpty() ? "" : note + "; ") + "lock monitor failed: " + monitor.failure();
        }
        Contract contract = s.contract() && tool == Tool.KEEL
                ? new Contract(contractApplied, contractNote, contractTo - contractFrom, WriteStats.overlapping(writes, contractFrom, contractTo))
                : null;
        return new Result(s, tool, applied, note, to - from, WriteStats.overlapping(writes, from, to),
                WriteStats.overlapping(writes, from, Long.MAX_VALUE), WriteStats.overlapping(writes, 0, from - 1),
                writes.errors(), monitor.longest(), moved,
                WriteStats.overlapping(writes, from, Long.MAX_VALUE, false), WriteStats.overlapping(writes, from, Long.MAX_VALUE, true),
                equality, contract);
    }

    /**
     * After keel's post-deployment phase, while both kinds of code still write: on every row of the table, the
     * new column against the old one converted to its type. A NULL on either side counts as unequal: the old
     * column was NOT NULL before the change, and the sync fills whichever side a write leaves out.
     */
    private Equality checkEquality(Scenario s, StringBuilder log) {
        Scenario.EqualityCheck check = s.equalityCheck();
        String differs = "(%1$s) IS NULL OR (%2$s) IS NULL OR (%1$s) <> (%2$s)".formatted(check.newColumn(), check.oldConverted());
        String sql = "SELECT count(*), count(*) FILTER (WHERE " + differs + "), (array_agg(id ORDER BY id) FILTER (WHERE "
                + differs + "))[1:5] FROM " + s.newCodeTable();
        log.append("-- the equality check after the backfill\n").append(sql).append(";\n");
        try (Connection c = DriverManager.getConnection(url(RUN_DB), props); Statement st = c.createStatement();
             var rs = st.executeQuery(sql)) {
            rs.next();
            java.sql.Array ids = rs.getArray(3);
            List<Long> first = new ArrayList<>();
            if (ids != null) {
                for (Object id : (Object[]) ids.getArray()) {
                    first.add(((Number) id).longValue());
                }
            }
            Equality e = new Equality(rs.getLong(1), rs.getLong(2), first, null);
            log.append("-- ").append(e.describe()).append('\n');
            return e;
        } catch (SQLException e) {
            log.append("-- failed: ").append(e.getMessage()).append('\n');
            return new Equality(0, 0, List.of(), e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** The migrations {@code keel migrate} moved to the post-deployment phase by itself, each with why, from its output. */
    static List<String> moved(String output) {
        String mark = "moved to the post-deployment phase: it ";
        return output.lines().filter(l -> l.contains(mark)).map(l -> {
            String key = l.replaceFirst("^.*\\[D\\]\\S*\\s+", "").replaceFirst(" \\(.*$", "");
            String why = l.substring(l.indexOf(mark) + mark.length());
            return key + " (" + (why.endsWith(")") ? why.substring(0, why.length() - 1) : why) + ")";
        }).toList();
    }

    /**
     * Opens a transaction that reads {@code ticket} (ACCESS SHARE until it ends) and keeps it open for
     * {@code millis}; returns once the read is done, so the migration that follows has to wait for it.
     */
    private Thread startReader(long millis) throws InterruptedException {
        java.util.concurrent.CountDownLatch holding = new java.util.concurrent.CountDownLatch(1);
        Properties p = new Properties();
        p.putAll(props);
        p.setProperty("ApplicationName", "keel-load-reader");
        Thread t = new Thread(() -> {
            try (Connection c = DriverManager.getConnection(url(RUN_DB), p)) {
                c.setAutoCommit(false);
                try (Statement st = c.createStatement()) {
                    st.execute("SELECT id FROM ticket LIMIT 1");
                    holding.countDown();
                    Thread.sleep(millis);
                }
                c.commit();
            } catch (SQLException | InterruptedException e) {
                log("reader transaction failed: " + e.getMessage());
            } finally {
                holding.countDown();
            }
        }, "reader");
        t.start();
        holding.await();
        return t;
    }

    /** The naive SQL in one transaction, as a plain migration tool runs a script: no lock_timeout. Returns "" or the error. */
    private String applyNaive(List<String> statements, StringBuilder log) throws SQLException {
        Properties p = new Properties();
        p.putAll(props);
        p.setProperty("ApplicationName", "keel-load-naive");
        try (Connection c = DriverManager.getConnection(url(RUN_DB), p)) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                for (String sql : statements) {
                    log.append(sql).append(";\n");
                    st.execute(sql);
                }
                c.commit();
                return "";
            } catch (SQLException e) {
                c.rollback();
                log.append("failed: ").append(e.getMessage()).append('\n');
                return "failed: " + e.getMessage();
            }
        }
    }

    /**
     * What keel's generator wrote for one change: the migrations of its Before.java (applied before the
     * writers start), those of the change, and the contract ({@code makemigrations --delete-pending}).
     */
    record Generated(List<String> before, List<String> change, List<String> contract) {
    }

    /**
     * Writes the change's project ({@code projects/NAME}) from the base one: the migrations of Before.java
     * first when there is one (a snapshot of that project is {@code NAME-before}), then those of the changed
     * entity, makemigrations run until it writes nothing more; with a contract, {@code NAME-contract} adds
     * what {@code makemigrations --delete-pending} writes.
     */
    private Generated generate(Scenario s, Path base, Path projects, Path logs) throws IOException, InterruptedException {
        Path project = projects.resolve(s.name());
        copyTree(base, project);
        Files.writeString(project.resolve("keel.json"), keelJson(s.ticketListedLarge(), s.largeTableRows(), s.statementTimeout()));
        StringBuilder log = new StringBuilder();
        List<String> before = List.of();
        if (s.before() != null) {
            Files.copy(s.before(), project.resolve(APP_PACKAGE_PATH).resolve("Ticket.java"), StandardCopyOption.REPLACE_EXISTING);
            log.append("-- Before.java\n");
            before = makeUntilDone(s, project, List.of(), log);
            copyTree(project, projects.resolve(s.name() + "-before"));
        }
        Files.copy(s.entity(), project.resolve(APP_PACKAGE_PATH).resolve("Ticket.java"), StandardCopyOption.REPLACE_EXISTING);
        log.append("-- Ticket.java\n");
        List<String> change = makeUntilDone(s, project, s.keelArgs(), log);
        List<String> contract = List.of();
        if (s.contract()) {
            Path contractProject = projects.resolve(s.name() + "-contract");
            copyTree(project, contractProject);
            log.append("-- the contract\n");
            List<String> args = new ArrayList<>(List.of("--delete-pending"));
            args.addAll(s.keelArgs());
            contract = makeUntilDone(s, contractProject, args, log);
            if (contract.isEmpty()) {
                throw new IllegalStateException(s.name() + ": makemigrations --delete-pending wrote nothing, but the change asks for a contract:\n" + log);
            }
        }
        Files.writeString(logs.resolve(s.name() + "-makemigrations.log"), log);
        return new Generated(before, change, contract);
    }

    /** Runs makemigrations with {@code options} until it writes nothing more; returns what it wrote, and logs each migration's SQL. */
    private List<String> makeUntilDone(Scenario s, Path project, List<String> options, StringBuilder log) throws IOException, InterruptedException {
        List<String> written = new ArrayList<>();
        for (int round = 1; ; round++) {
            var args = new ArrayList<String>(List.of("makemigrations"));
            args.addAll(options);
            Keel.Outcome o = keel.runOrFail(project, args.toArray(String[]::new));
            log.append("$ keel ").append(String.join(" ", args)).append('\n').append(o.output());
            if (o.output().contains("No changes")) {
                break;
            }
            if (round == 5) {
                throw new IllegalStateException(s.name() + ": makemigrations still writes migrations after 5 runs:\n" + log);
            }
            for (String line : o.output().lines().toList()) {
                String l = line.strip();
                if (l.startsWith("src/")) {
                    written.add(l.substring(l.lastIndexOf('/') + 2).replace(".java", ""));
                } else if (l.startsWith("- ") && !written.isEmpty()) {
                    int last = written.size() - 1;
                    written.set(last, written.get(last) + (written.get(last).contains(": ") ? "; " : ": ") + l.substring(2));
                }
            }
        }
        for (String migration : written) {
            String name = migration.contains(" ") ? migration.substring(0, migration.indexOf(' ')) : migration;
            Keel.Outcome sql = keel.runOrFail(project, "sqlmigrate", "load", name.substring(0, 4));
            log.append("$ keel sqlmigrate load ").append(name, 0, 4).append('\n').append(sql.output());
        }
        return written;
    }

    private void writeBaseProject(Path base) throws IOException {
        if (Files.exists(base)) {
            deleteTree(base);
        }
        Path pkg = base.resolve(APP_PACKAGE_PATH);
        Files.createDirectories(pkg);
        for (String entity : List.of("Owner.java", "Ticket.java")) {
            Files.copy(options.scenarios.resolve("base").resolve(entity), pkg.resolve(entity));
        }
        Files.writeString(base.resolve("keel.json"), keelJson(true, null, null));
    }

    /** The project's keel.json: {@code ticket} listed in largeTables or not, the large-table threshold and statement timeout if given. */
    private String keelJson(boolean ticketListedLarge, Long largeTableRows, String statementTimeout) {
        return """
                {
                  "sourceRoots": ["src/main/java"],
                  "naming": "snake_case",
                  "largeTables": [%s],
                  "database": {"lockTimeout": "%s"%s},
                  "apps": [
                    {"label": "load", "package": "com.example.load", "migrationsPackage": "com.example.load.migrations"}
                  ]
                }
                """.formatted(ticketListedLarge ? "\"ticket\"" : "", options.lockTimeoutMillis + "ms",
                (largeTableRows == null ? "" : ", \"largeTableRows\": " + largeTableRows)
                        + (statementTimeout == null ? "" : ", \"statementTimeout\": \"" + statementTimeout + "\""));
    }

    private void populate(String db) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(db), props); Statement st = c.createStatement()) {
            st.execute("INSERT INTO owner (id, name) SELECT g, 'owner ' || g FROM generate_series(1, " + options.owners + ") g");
            st.execute("""
                    INSERT INTO ticket (title, amount, priority, status, email, owner_id, legacy_code, created_at)
                    SELECT 'ticket ' || g, g %% 1000, g %% 5, CASE WHEN g %% 2 = 0 THEN 'open' ELSE 'closed' END,
                           'u' || g || '@load.test', 1 + g %% %d, 'L' || g, now() - g * interval '1 second'
                      FROM generate_series(1, %d) g
                    """.formatted(options.owners, options.rows));
        }
        vacuum(db);
    }

    private void vacuum(String db) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(db), props); Statement st = c.createStatement()) {
            st.execute("VACUUM ANALYZE");
            st.execute("CHECKPOINT");
        }
    }

    private void recreate(String db, String template) throws SQLException {
        dropDatabase(db);
        try (Connection c = DriverManager.getConnection(url("postgres"), props); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + db + (template == null ? "" : " TEMPLATE " + template));
        }
    }

    private void dropDatabase(String db) throws SQLException {
        try (Connection c = DriverManager.getConnection(url("postgres"), props); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        }
    }

    private String serverVersion() throws SQLException {
        try (Connection c = DriverManager.getConnection(url("postgres"), props); Statement st = c.createStatement();
             var rs = st.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private String url(String db) {
        return "jdbc:postgresql://" + options.host + ":" + options.port + "/" + db + "?user=" + options.user;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (Files.exists(to)) {
            deleteTree(to);
        }
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    if (!p.getFileName().toString().equals(".keel")) {
                        Files.createDirectories(target);
                    }
                } else if (!from.relativize(p).toString().startsWith(".keel")) {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void log(String message) {
        System.err.println("loadtest: " + message);
    }

    /** The command line of the load test. */
    static final class Options {
        static final String USAGE = """
                usage: LoadTest --keel BIN_KEEL --scenarios DIR --work DIR --out FILE.md [--host H] [--port P] [--user U]
                                [--rows N] [--owners N] [--threads N] [--rate WRITES_PER_S_PER_THREAD]
                                [--settle-ms MS] [--lock-timeout-ms MS] [--only a,b,...]""";
        Path keel;
        Path scenarios;
        Path work;
        Path outMarkdown;
        String host = "localhost";
        int port = 5432;
        String user = "postgres";
        long rows = 1_000_000;
        long owners = 1_000;
        int threads = 4;
        int rate = 100;
        long settleMillis = 2_000;
        long lockTimeoutMillis = 2_000;
        List<String> only = List.of();

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + args[i] + " needs a value");
                }
                String v = args[i + 1];
                switch (args[i]) {
                    case "--keel" -> o.keel = Path.of(v).toAbsolutePath();
                    case "--scenarios" -> o.scenarios = Path.of(v).toAbsolutePath();
                    case "--work" -> o.work = Path.of(v).toAbsolutePath();
                    case "--out" -> o.outMarkdown = Path.of(v).toAbsolutePath();
                    case "--host" -> o.host = v;
                    case "--port" -> o.port = Integer.parseInt(v);
                    case "--user" -> o.user = v;
                    case "--rows" -> o.rows = Long.parseLong(v);
                    case "--owners" -> o.owners = Long.parseLong(v);
                    case "--threads" -> o.threads = Integer.parseInt(v);
                    case "--rate" -> o.rate = Integer.parseInt(v);
                    case "--settle-ms" -> o.settleMillis = Long.parseLong(v);
                    case "--lock-timeout-ms" -> o.lockTimeoutMillis = Long.parseLong(v);
                    case "--only" -> o.only = v.isBlank() ? List.of() : Arrays.asList(v.split(","));
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (o.keel == null || o.scenarios == null || o.work == null || o.outMarkdown == null) {
                throw new IllegalArgumentException("--keel, --scenarios, --work and --out are required");
            }
            return o;
        }
    }
}
