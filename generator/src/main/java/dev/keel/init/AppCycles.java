package dev.keel.init;

import dev.keel.error.KeelException;
import dev.keel.init.ProjectSurvey.App;
import dev.keel.state.ForeignKey;
import dev.keel.project.ProjectState;
import dev.keel.state.Table;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The apps {@code keel init} proposes, without foreign keys that go round in a cycle between apps. Apps
 * whose tables point at each other's (a strongly connected part of the graph "app A has a foreign key to a
 * table of app B", found with the scanner's own mapping) are merged into one app on the packages' common
 * package: then one migration creates their tables, and no app's first migration waits for another's.
 * The packages of the other apps stay apps of their own inside it (an entity belongs to the app with the
 * longest package that holds it). Merging can close a new cycle through an app in between, so it goes on
 * until there is none.
 */
final class AppCycles {
    private AppCycles() {}

    /**
     * {@code apps}, with those in a cycle merged into an app for {@code common}; {@code notes} gets why.
     *
     * @param scan the project's state with {@code apps} as its apps (a scan that fails leaves the apps as they are)
     */
    static List<App> withoutCycles(List<App> apps, String common, Supplier<ProjectState> scan, List<String> notes) {
        ProjectState state;
        try {
            state = scan.get();
        } catch (KeelException e) {
            notes.add("foreign keys between the apps are not checked: the entities do not scan yet ("
                    + e.problems().size() + (e.problems().size() == 1 ? " problem" : " problems")
                    + "; keel makemigrations lists them)");
            return apps;
        }
        var labels = new TreeSet<String>();
        apps.forEach(a -> labels.add(a.label()));
        String mergedLabel = ProjectSurvey.label(common);
        for (int i = 2; labels.contains(mergedLabel); i++) {
            mergedLabel = ProjectSurvey.label(common) + "_" + i;
        }
        var appOf = new HashMap<String, String>(); // a proposed app's label -> the app it is now part of
        labels.forEach(l -> appOf.put(l, l));
        while (true) {
            Map<String, Map<String, String>> edges = edges(state, appOf);
            List<Set<String>> cycles = cycles(edges);
            if (cycles.isEmpty()) {
                break;
            }
            if (common.isEmpty()) {
                cycles.forEach(c -> notes.add("apps " + String.join(", ", c) + " have foreign keys to each other's tables ("
                        + witnesses(c, edges) + ") and share no package to merge them into; keel makemigrations creates"
                        + " their tables first and adds the foreign keys that close the cycle in a later migration"));
                return apps;
            }
            for (Set<String> cycle : cycles) {
                var joining = new TreeSet<>(cycle);
                boolean again = joining.remove(mergedLabel);
                notes.add((joining.size() == 1 ? "app " : "apps ") + String.join(", ", joining) + (again ? " also" : "")
                        + " merged into app " + mergedLabel + " (package " + common + "): their tables have foreign keys to"
                        + " each other (" + witnesses(cycle, edges) + "), so no app's first migration could come before the"
                        + " others'; one app creates them all together");
                for (var e : appOf.entrySet()) {
                    if (cycle.contains(e.getValue())) {
                        e.setValue(mergedLabel);
                    }
                }
            }
        }
        var result = new TreeMap<String, App>();
        for (App a : apps) {
            String now = appOf.get(a.label());
            result.put(now, now.equals(a.label()) ? a : new App(now, common));
        }
        return List.copyOf(result.values());
    }

    /** For each app, the apps its tables' foreign keys point at, with one example each ("customer -> invoice"). */
    private static Map<String, Map<String, String>> edges(ProjectState state, Map<String, String> appOf) {
        var owner = new HashMap<String, String>();
        state.tables().forEach(t -> owner.put(t.qualifiedName(), appOf.getOrDefault(t.app(), t.app())));
        var edges = new TreeMap<String, Map<String, String>>();
        for (Table t : state.tables()) {
            String from = owner.get(t.qualifiedName());
            for (ForeignKey fk : t.foreignKeys()) {
                String to = owner.get(fk.targetTable());
                if (to != null && !to.equals(from)) {
                    edges.computeIfAbsent(from, k -> new TreeMap<>())
                            .putIfAbsent(to, t.qualifiedName() + " -> " + fk.targetTable());
                }
            }
        }
        return edges;
    }

    /** The strongly connected sets of more than one app, each sorted, in the order of their first app. */
    private static List<Set<String>> cycles(Map<String, Map<String, String>> edges) {
        var nodes = new TreeSet<String>(edges.keySet());
        edges.values().forEach(m -> nodes.addAll(m.keySet()));
        var reach = new HashMap<String, Set<String>>();
        for (String n : nodes) {
            var seen = new HashSet<String>();
            var todo = new ArrayDeque<String>(List.of(n));
            while (!todo.isEmpty()) {
                for (String next : edges.getOrDefault(todo.pop(), Map.of()).keySet()) {
                    if (seen.add(next)) {
                        todo.push(next);
                    }
                }
            }
            reach.put(n, seen);
        }
        var result = new ArrayList<Set<String>>();
        var placed = new HashSet<String>();
        for (String n : nodes) {
            if (placed.contains(n)) {
                continue;
            }
            var component = new TreeSet<String>();
            component.add(n);
            for (String m : nodes) {
                if (!m.equals(n) && reach.get(n).contains(m) && reach.get(m).contains(n)) {
                    component.add(m);
                }
            }
            placed.addAll(component);
            if (component.size() > 1) {
                result.add(component);
            }
        }
        return result;
    }

    private static String witnesses(Set<String> cycle, Map<String, Map<String, String>> edges) {
        var out = new LinkedHashSet<String>();
        for (String from : cycle) {
            edges.getOrDefault(from, Map.of()).forEach((to, example) -> {
                if (cycle.contains(to)) {
                    out.add(from + " to " + to + ": " + example);
                }
            });
        }
        return String.join("; ", out);
    }
}
