package dev.keel.make;

import dev.keel.operations.AddConstraint;
import dev.keel.operations.CreateModel;
import dev.keel.operations.Operation;
import dev.keel.project.ProjectState;
import dev.keel.state.ForeignKey;
import dev.keel.state.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Which apps own the tables that an app's new foreign keys point at. */
final class References {
    private References() {}

    static Set<String> appsReferenced(String app, List<Operation> ops, ProjectState current, ProjectState target) {
        var foreignKeys = new ArrayList<ForeignKey>();
        for (Operation op : ops) {
            if (op instanceof CreateModel c) {
                foreignKeys.addAll(c.table().foreignKeys());
            } else if (op instanceof AddConstraint a && a.constraint() instanceof ForeignKey fk) {
                foreignKeys.add(fk);
            }
        }
        var apps = new TreeSet<String>();
        for (ForeignKey fk : foreignKeys) {
            target.tableNamed(fk.targetTable()).or(() -> current.tableNamed(fk.targetTable()))
                    .map(Table::app).ifPresent(apps::add);
        }
        apps.remove(app);
        return apps;
    }
}
