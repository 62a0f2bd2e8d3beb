package dev.keel.operations;

import dev.keel.state.ProjectState;
import dev.keel.state.Table;

import java.util.List;

/** Renames a model's table ({@code ALTER TABLE ... RENAME TO}); {@code table} may be {@code schema.name}. */
public record AlterModelTable(String model, String table) implements Operation {
    public AlterModelTable {
        model = Ops.model(model);
        Ops.require(table, "table");
    }

    @Override public ProjectState applyTo(String app, ProjectState state) {
        if (state.tableNameTaken(table)) {
            throw Ops.invalid("table " + table + " already exists", "choose a table name that is free");
        }
        int dot = table.indexOf('.');
        return state.updateTable(app, model, t -> dot < 0 ? t.rename(table).schema(null)
                : t.schema(table.substring(0, dot)).rename(table.substring(dot + 1)));
    }
    @Override public String describe() { return "Rename table of " + model + " to " + table; }
    @Override public String nameFragment() { return "alter_" + Ops.snake(model) + "_table"; }
    @Override public List<Operation> reverse(String app, ProjectState before) {
        Table t = before.requireTable(app, model);
        return List.of(new AlterModelTable(model, t.qualifiedName()));
    }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
