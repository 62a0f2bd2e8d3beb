package dev.keel.cli;

import dev.keel.project.ProjectState;
import dev.keel.runner.catalog.Catalog;
import dev.keel.state.Constraint;
import dev.keel.state.ForeignKey;
import dev.keel.state.Index;
import dev.keel.state.PrimaryKey;
import dev.keel.state.Table;
import dev.keel.state.UniqueConstraint;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The first migration of a project keel takes over ({@code keel init --baseline}) describes the entities,
 * under the names the live database gave its keys and indexes: a project built by Flyway, Liquibase or
 * {@code hbm2ddl} named them its own way, and a baseline recorded as applied must name what is there.
 * Pure: the live catalog is read by the caller.
 */
final class Baseline {
    /** Tables of other migration tools, which keel leaves alone. */
    static final java.util.Set<String> OTHER_TOOLS = java.util.Set.of(Catalog.HISTORY_TABLE, "flyway_schema_history",
            "databasechangelog", "databasechangeloglock");

    private Baseline() {}

    /** A key or index of the entities, renamed to the database's name for the same definition. */
    record Renamed(String table, String from, String to) {
        @Override public String toString() {
            return table + ": " + from + " is " + to + " in the database";
        }
    }

    record Result(ProjectState state, List<Renamed> renamed) {}

    /**
     * {@code entities} with each primary key, foreign key, unique constraint and index renamed to the
     * name the live table has for the same definition (same columns, same target, same kind).
     */
    static Result withLiveNames(ProjectState entities, Catalog live) {
        var renamed = new ArrayList<Renamed>();
        ProjectState state = entities;
        for (Table t : entities.tables()) {
            Optional<Catalog.TableDef> def = live.table(t.qualifiedName());
            if (def.isEmpty()) {
                continue;
            }
            Table named = rename(t, def.get(), renamed);
            if (!named.equals(t)) {
                state = state.updateTable(t.app(), t.model(), x -> named);
            }
        }
        return new Result(state, renamed);
    }

    private static Table rename(Table t, Catalog.TableDef def, List<Renamed> renamed) {
        Table out = t;
        PrimaryKey pk = t.primaryKey();
        if (pk != null && def.primaryKey() != null && pk.columns().equals(def.primaryKey().columns())
                && !pk.name().equals(def.primaryKey().name())) {
            out = out.withPrimaryKey(new PrimaryKey(def.primaryKey().name(), pk.columns()));
            renamed.add(new Renamed(t.qualifiedName(), pk.name(), def.primaryKey().name()));
        }
        for (Constraint c : t.constraints()) {
            String liveName = null;
            if (c instanceof ForeignKey fk) {
                liveName = def.foreignKeys().values().stream()
                        .filter(l -> l.columns().equals(fk.columns()) && l.targetTable().equals(fk.targetTable())
                                && l.targetColumns().equals(fk.targetColumns()))
                        .map(Catalog.ForeignKeyDef::name).findFirst().orElse(null);
            } else if (c instanceof UniqueConstraint u) {
                liveName = def.uniques().values().stream().filter(l -> l.columns().equals(u.columns()))
                        .map(Catalog.UniqueDef::name).findFirst().orElse(null);
            }
            if (liveName != null && !liveName.equals(c.name()) && out.findConstraint(liveName).isEmpty()) {
                out = out.replaceConstraint(c.name(), c.withName(liveName));
                renamed.add(new Renamed(t.qualifiedName(), c.name(), liveName));
            }
        }
        for (Index i : t.indexes()) {
            String liveName = def.indexes().values().stream()
                    .filter(l -> l.elements().equals(i.columns()) && l.unique() == i.isUnique()
                            && l.method().equals(i.method()) && Objects.equals(l.where(), i.where()))
                    .map(Catalog.IndexDef::name).findFirst().orElse(null);
            if (liveName != null && !liveName.equals(i.name()) && out.findIndex(liveName).isEmpty()) {
                out = out.replaceIndex(i.name(), i.withName(liveName));
                renamed.add(new Renamed(t.qualifiedName(), i.name(), liveName));
            }
        }
        return out;
    }
}
