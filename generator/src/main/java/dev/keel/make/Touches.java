package dev.keel.make;

import dev.keel.operations.AddConstraint;
import dev.keel.operations.AddField;
import dev.keel.operations.AddIndex;
import dev.keel.operations.AlterField;
import dev.keel.operations.Operation;
import dev.keel.operations.RemoveField;
import dev.keel.operations.RenameField;
import dev.keel.operations.SafeRemoveField;

import java.lang.reflect.RecordComponent;
import java.util.List;

/** What an operation changes, as {@code app.model.field} or {@code app.model} for the whole model. */
final class Touches {
    private Touches() {}

    static List<String> of(String app, Operation op) {
        String model = component(op, "model");
        if (model == null) {
            return List.of();
        }
        String base = app + "." + model;
        if (op instanceof AddField a) {
            return List.of(base + "." + a.field());
        }
        if (op instanceof AlterField a) {
            return List.of(base + "." + a.field());
        }
        if (op instanceof RemoveField r) {
            return List.of(base + "." + r.field());
        }
        if (op instanceof SafeRemoveField r) {
            return List.of(base + "." + r.field());
        }
        if (op instanceof RenameField r) {
            return List.of(base + "." + r.oldField(), base + "." + r.newField());
        }
        if (op instanceof AddIndex || op instanceof AddConstraint) {
            return List.of(base + " (indexes and constraints)");
        }
        return List.of(base);
    }

    private static String component(Operation op, String name) {
        for (RecordComponent c : op.getClass().getRecordComponents()) {
            if (c.getName().equals(name)) {
                try {
                    return (String) c.getAccessor().invoke(op);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return null;
    }
}
