package dev.keel.cli;

import dev.keel.config.AppConfig;
import dev.keel.config.KeelConfig;
import dev.keel.graph.MigrationGraph;
import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/** {@code keel showmigrations}: each app's migrations, or the order in which all would apply. */
@Command(name = "showmigrations", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Lists the migrations of each app, [X] when applied and [ ] when not.",
                "keel does not connect to a database yet, so every migration is listed as not applied."})
final class ShowMigrationsCommand implements Callable<Integer> {
    @Mixin ProjectMixin project;
    @Mixin JsonMixin json;

    @Option(names = {"-p", "--plan"},
            description = "Instead of listing by app, list every migration once, in the order keel migrate would"
                    + " apply them: dependencies first, across apps.")
    boolean plan;

    @Parameters(paramLabel = "APP", arity = "0..*",
            description = "Show only these apps (labels from keel.json). With --plan, show what applying these"
                    + " apps needs, including the migrations of other apps they depend on.")
    List<String> apps = new ArrayList<>();

    /** One migration as --json prints it. */
    record Entry(String app, String name, boolean applied, boolean postDeployment) {}

    /** One app and its migrations as --json prints them. */
    record AppEntry(String app, List<Entry> migrations) {}

    record AppsReport(List<AppEntry> apps) {}

    record PlanReport(List<Entry> plan) {}

    @Override
    public Integer call() {
        KeelConfig config = project.config();
        SortedSet<String> selected = new TreeSet<>();
        apps.forEach(label -> selected.add(config.requireApp(label).label()));
        MigrationGraph graph = project.graph();
        // No database connection yet: nothing is recorded as applied.
        Set<MigrationKey> applied = graph.appliedNodes(Set.of());
        if (plan) {
            List<MigrationKey> targets = selected.stream().flatMap(a -> graph.leaves(a).stream()).toList();
            boolean none = !selected.isEmpty() && targets.isEmpty();
            printPlan(none ? List.of() : entries(graph.forwardsPlan(applied, targets), applied));
        } else {
            if (selected.isEmpty()) {
                config.apps().stream().map(AppConfig::label).forEach(selected::add);
                selected.addAll(graph.apps());
            }
            printApps(selected.stream().map(a -> new AppEntry(a, entries(graph.migrations(a), applied))).toList());
        }
        return 0;
    }

    private static List<Entry> entries(List<MigrationSpec> specs, Set<MigrationKey> applied) {
        return specs.stream()
                .map(s -> new Entry(s.app(), s.name(), applied.contains(s.key()), s.postDeployment()))
                .toList();
    }

    private void printApps(List<AppEntry> report) {
        if (json.enabled()) {
            JsonMixin.print(project.out(), new AppsReport(report));
            return;
        }
        PrintWriter out = project.out();
        for (AppEntry app : report) {
            out.println(project.ansi().string("@|bold " + app.app() + "|@"));
            if (app.migrations().isEmpty()) {
                out.println(" (no migrations)");
            }
            for (Entry m : app.migrations()) {
                out.println(" " + mark(m) + " " + m.name());
            }
        }
    }

    private void printPlan(List<Entry> entries) {
        if (json.enabled()) {
            JsonMixin.print(project.out(), new PlanReport(entries));
            return;
        }
        PrintWriter out = project.out();
        if (entries.isEmpty()) {
            out.println("(no migrations)");
        }
        for (Entry m : entries) {
            out.println(mark(m) + "  " + m.app() + "." + m.name());
        }
    }

    private String mark(Entry m) {
        return m.applied() ? project.ansi().string("@|green [X]|@") : "[ ]";
    }
}
