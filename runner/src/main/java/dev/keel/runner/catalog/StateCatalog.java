package dev.keel.runner.catalog;

import dev.keel.project.ProjectState;
import dev.keel.runner.catalog.Catalog.CheckDef;
import dev.keel.runner.catalog.Catalog.ColumnDef;
import dev.keel.runner.catalog.Catalog.ForeignKeyDef;
import dev.keel.runner.catalog.Catalog.IndexDef;
import dev.keel.runner.catalog.Catalog.KeyDef;
import dev.keel.runner.catalog.Catalog.SequenceDef;
import dev.keel.runner.catalog.Catalog.TableDef;
import dev.keel.runner.catalog.Catalog.UniqueDef;
import dev.keel.runner.sql.Identifiers;
import dev.keel.runner.sql.PhysicalTables;
import dev.keel.state.CheckConstraint;
import dev.keel.state.ForeignKey;
import dev.keel.state.Table;
import dev.keel.state.UniqueConstraint;

import java.util.ArrayList;
import java.util.TreeMap;

/** The catalog a state stands for. */
final class StateCatalog {
    private StateCatalog() {}

    static Catalog of(ProjectState state) {
        var tables = new TreeMap<String, TableDef>();
        for (Table t : PhysicalTables.of(state)) {
            TableDef def = table(t);
            tables.put(def.name(), def);
        }
        var sequences = new TreeMap<String, SequenceDef>();
        state.physicalSequences().forEach(s -> sequences.put(relative(s.name()), new SequenceDef(relative(s.name()), s.start(), s.increment())));
        return new Catalog(tables, sequences);
    }

    /** A dotted name with the default schema left out. */
    static String relative(String dotted) {
        String schema = Identifiers.schemaOf(dotted);
        return schema == null || schema.equals(Identifiers.DEFAULT_SCHEMA) ? Identifiers.nameOf(dotted) : dotted;
    }

    private static TableDef table(Table t) {
        var columns = Catalog.byName(t.columns().stream()
                .map(c -> new ColumnDef(c.name(), c.type(), c.notNull(), c.defaultSql(), c.identity(), c.comment(), c.generated())).toList(),
                ColumnDef::name);
        KeyDef pk = t.primaryKey() == null ? null : new KeyDef(t.primaryKey().name(), t.primaryKey().columns());
        var fks = new ArrayList<ForeignKeyDef>();
        var uniques = new ArrayList<UniqueDef>();
        var checks = new ArrayList<CheckDef>();
        for (var c : t.constraints()) {
            if (c instanceof ForeignKey fk) {
                if (fk.enforced()) {
                    fks.add(new ForeignKeyDef(fk.name(), fk.columns(), relative(fk.targetTable()), fk.targetColumns(),
                            fk.onDelete(), fk.validated()));
                }
            } else if (c instanceof UniqueConstraint u) {
                uniques.add(new UniqueDef(u.name(), u.columns(), u.isDeferrable(), u.isInitiallyDeferred()));
            } else if (c instanceof CheckConstraint ch) {
                checks.add(new CheckDef(ch.name(), ch.expression(), ch.validated()));
            }
        }
        var indexes = t.indexes().stream().map(i -> new IndexDef(i.name(),
                i.columns().stream().map(IndexElements::fromState).toList(), i.isUnique(), i.method(), i.where())).toList();
        return new TableDef(relative(t.qualifiedName()), columns, pk, Catalog.byName(fks, ForeignKeyDef::name),
                Catalog.byName(uniques, UniqueDef::name), Catalog.byName(checks, CheckDef::name),
                Catalog.byName(indexes, IndexDef::name), t.comment());
    }
}
