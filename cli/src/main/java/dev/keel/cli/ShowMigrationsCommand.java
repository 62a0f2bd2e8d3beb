package dev.keel.cli;

import dev.keel.config.AppConfig;
import dev.keel.config.KeelConfig;
import dev.keel.diagram.Dot;
import dev.keel.diagram.Mermaid;
import dev.keel.diagram.MigrationDiagram;
import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.graph.MigrationGraph;
import dev.keel.migration.MigrationKey;
import dev.keel.runner.EmbeddedDatabase;
import dev.keel.runner.MigrationSet;
import dev.keel.runner.MigrationStatus;
import dev.keel.runner.MigrationStatus.Mark;
import dev.keel.runner.Migrator;
import dev.keel.runner.RoutingReport;
import dev.keel.runner.StatusReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/** {@code keel showmigrations}: each app's migrations with their status, or the order in which all would apply. */
@Command(name = "showmigrations", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Lists the migrations of each app: [X] applied, [ ] not applied, [D] deferred to the"
                + " post-deployment phase, [~] left part-way by a failed run, [!] applied but its file is missing.",
                "The database is the one keel migrate uses. Without database.url, that is the embedded PostgreSQL"
                        + " in .keel/pg; when it does not exist yet, nothing is applied. An applied migration whose"
                        + " file changed, or is missing, is reported and the exit code is 4."})
final class ShowMigrationsCommand implements Callable<Integer> {
    @Mixin ProjectMixin project;
    @Mixin MigrationsMixin migrationsFrom;
    @Mixin DatabaseMixin db;
    @Mixin JsonMixin json;

    @Option(names = {"-p", "--plan"},
            description = "Instead of listing by app, list every migration once, in the order keel migrate would"
                    + " apply them: dependencies first, across apps.")
    boolean plan;

    @Option(names = "--graph",
            description = "Instead of the statuses, draw the migration graph, without a database: a box per"
                    + " migration grouped by app, an arrow from each migration to those that depend on it (bold"
                    + " between apps in DOT), merges as hexagons, squashes with a dashed \"replaces\" arrow to each"
                    + " migration they replace (drawn dashed, as is a replaced migration whose file is gone).")
    boolean graphPicture;

    /** The formats of --graph. */
    enum GraphFormat { mermaid, dot }

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "With --graph: mermaid (the default; GitHub and GitLab draw it in Markdown) or dot (Graphviz:"
                    + " dot -Tsvg draws it).")
    GraphFormat graphFormat;

    @Parameters(paramLabel = "APP", arity = "0..*",
            description = "Show only these apps (labels from keel.json). With --plan, show what applying these"
                    + " apps needs, including the migrations of other apps they depend on. With --graph, draw"
                    + " their migrations and those of other apps they depend on directly.")
    List<String> apps = new ArrayList<>();

    /** One migration as --json prints it. */
    record Entry(String app, String name, boolean applied, boolean postDeployment, String status, boolean changed,
                 String appliedAt, Long durationMs, String note) {
        static Entry of(MigrationStatus s) {
            return new Entry(s.key().app(), s.key().name(), s.mark() == Mark.APPLIED || s.mark() == Mark.MISSING,
                    s.postDeployment(), s.mark().name().toLowerCase(java.util.Locale.ROOT), s.changed(),
                    s.appliedAt() == null ? null : s.appliedAt().toString(), s.durationMs(), s.note());
        }
    }

    /** One app and its migrations as --json prints them. */
    record AppEntry(String app, List<Entry> migrations) {}

    record AppsReport(String database, List<AppEntry> apps, List<String> problems) {}

    record PlanReport(String database, List<Entry> plan, List<String> problems) {}

    @Override
    public Integer call() {
        KeelConfig config = project.config();
        SortedSet<String> selected = new TreeSet<>();
        apps.forEach(label -> selected.add(config.requireApp(label).label()));
        if (graphFormat != null && !graphPicture) {
            throw new KeelException(ErrorKind.USAGE, "--format chooses the form of the --graph picture.\nTo fix: add"
                    + " --graph, or leave out --format.");
        }
        if (graphPicture && (plan || json.enabled())) {
            throw new KeelException(ErrorKind.USAGE, "--graph draws the migration graph; it takes no "
                    + (plan ? "--plan" : "--json") + ".\nTo fix: keel showmigrations --graph [--format mermaid|dot].");
        }
        MigrationSet set = migrationsFrom.migrations(project);
        MigrationGraph graph = set.graph(java.util.Set.of());
        if (graphPicture) {
            MigrationDiagram diagram = MigrationDiagram.of(set.specs().values(), graph, selected);
            project.out().print(graphFormat == GraphFormat.dot ? Dot.graph(diagram) : Mermaid.flowchart(diagram));
            project.out().flush();
            return 0;
        }
        Status status = status(config, set);
        if (config.severalDatabases()) {
            status = routed(status, set, config);
        }
        Map<MigrationKey, MigrationStatus> byKey = new HashMap<>();
        status.report().migrations().forEach(s -> byKey.put(s.key(), s));
        if (plan) {
            List<MigrationKey> targets = selected.stream().flatMap(a -> graph.leaves(a).stream()).toList();
            boolean none = !selected.isEmpty() && targets.isEmpty();
            List<MigrationStatus> order = none ? List.of()
                    : graph.forwardsPlan(java.util.Set.of(), targets).stream().map(m -> byKey.get(m.key())).toList();
            printPlan(status, order);
        } else {
            if (selected.isEmpty()) {
                config.apps().stream().map(AppConfig::label).forEach(selected::add);
                selected.addAll(graph.apps());
            }
            var report = new ArrayList<AppEntry>();
            for (String app : selected) {
                report.add(new AppEntry(app, status.report().migrations().stream().filter(s -> s.key().app().equals(app))
                        .map(Entry::of).toList()));
            }
            printApps(status, report);
        }
        if (status.failure() != null) {
            throw status.failure();
        }
        if (!status.report().problems().isEmpty()) {
            throw new KeelException(ErrorKind.INCONSISTENT_HISTORY, status.report().problems());
        }
        return 0;
    }

    /** The statuses, where they come from, and the failure to report after listing (an unreachable database). */
    record Status(String database, StatusReport report, KeelException failure) {}

    private Status status(KeelConfig config, MigrationSet set) {
        var configured = db.configured(config);
        if (configured.isEmpty() && !EmbeddedDatabase.exists(project.projectDir())) {
            project.notes(true).println("No database configured, and the embedded PostgreSQL (" + EmbeddedDatabase.FOLDER
                    + ") does not exist yet: nothing is applied. keel migrate creates it; set database.url in keel.json"
                    + " for a real server.");
            return new Status("none", Migrator.statusOfEmptyDatabase(set), null);
        }
        try (DatabaseMixin.Opened opened = db.open(config, project.projectDir(), project.notes(true));
             Migrator migrator = Migrator.connect(set, opened.database, db.settings(config),
                     dev.keel.runner.MigrateListener.silent(), DatabaseMixin.router(config), db.databaseName(config))) {
            return new Status(opened.describe(), migrator.status(), null);
        } catch (KeelException e) {
            if (e.kind() != ErrorKind.DATABASE) {
                throw e;
            }
            StatusReport offline = Migrator.statusOfEmptyDatabase(set);
            var unknown = offline.migrations().stream().map(s -> new MigrationStatus(s.key(), Mark.UNKNOWN,
                    s.postDeployment(), null, null, false, null)).toList();
            return new Status("unreachable", new StatusReport(unknown, List.of()), e);
        }
    }

    /** The statuses with a note on each migration whose operations (some or all) run in another database. */
    private Status routed(Status status, MigrationSet set, KeelConfig config) {
        String name = db.databaseName(config);
        Map<MigrationKey, List<String>> skipped = RoutingReport.notApplicable(set, DatabaseMixin.router(config), name);
        var migrations = new ArrayList<MigrationStatus>();
        for (MigrationStatus s : status.report().migrations()) {
            String routing = set.spec(s.key()).map(spec -> RoutingReport.note(spec, skipped.get(s.key()), name)).orElse(null);
            String note = routing == null ? s.note() : s.note() == null ? routing : s.note() + "; " + routing;
            migrations.add(new MigrationStatus(s.key(), s.mark(), s.postDeployment(), s.appliedAt(), s.durationMs(),
                    s.changed(), note));
        }
        return new Status(status.database() + " (database " + name + ")",
                new StatusReport(migrations, status.report().problems()), status.failure());
    }

    private void printApps(Status status, List<AppEntry> report) {
        if (json.enabled()) {
            JsonMixin.print(project.out(), new AppsReport(status.database(), report, status.report().problems()));
            return;
        }
        PrintWriter out = project.out();
        for (AppEntry app : report) {
            out.println(project.ansi().string("@|bold " + app.app() + "|@"));
            if (app.migrations().isEmpty()) {
                out.println(" (no migrations)");
            }
            for (Entry m : app.migrations()) {
                out.println(" " + mark(m) + " " + m.name() + suffix(m));
            }
        }
        out.flush();
    }

    private void printPlan(Status status, List<MigrationStatus> order) {
        List<Entry> entries = order.stream().map(Entry::of).toList();
        if (json.enabled()) {
            JsonMixin.print(project.out(), new PlanReport(status.database(), entries, status.report().problems()));
            return;
        }
        PrintWriter out = project.out();
        if (entries.isEmpty()) {
            out.println("(no migrations)");
        }
        for (Entry m : entries) {
            out.println(mark(m) + "  " + m.app() + "." + m.name() + suffix(m));
        }
        out.flush();
    }

    private static String suffix(Entry m) {
        String note = m.changed() ? "changed since it was applied" : m.note();
        return note == null ? "" : "  (" + note + ")";
    }

    private String mark(Entry m) {
        Mark mark = Mark.valueOf(m.status().toUpperCase(java.util.Locale.ROOT));
        String colour = switch (mark) {
            case APPLIED -> "green";
            case DEFERRED, PARTIAL -> "yellow";
            case MISSING -> "red";
            default -> null;
        };
        return colour == null ? mark.text() : project.ansi().string("@|" + colour + " " + mark.text() + "|@");
    }
}
