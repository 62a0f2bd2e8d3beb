package dev.keel.diff.rules;

import dev.keel.diff.DetectionRule;
import dev.keel.diff.DiffContext;
import dev.keel.operations.AlterModelTable;
import dev.keel.operations.RenameField;
import dev.keel.operations.RenameModel;
import dev.keel.operations.RenameSequence;
import dev.keel.project.ModelKey;
import dev.keel.state.Column;
import dev.keel.state.Sequence;
import dev.keel.state.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a renamed entity or table takes with it: when an entity class is renamed or its table gets
 * another name, the names Hibernate derives from them change too — the id sequence ({@code post_seq}
 * to {@code article_seq}), the join and collection tables ({@code post_tags} to {@code article_tags})
 * and their join columns ({@code post_id} to {@code article_id}). Left to the other rules, each would be
 * a new, empty object and the old one would be deleted: the ids would start again at 1 and the links
 * would stay behind in the old table.
 *
 * <p>Instead, a sequence or a table without an entity that the entities no longer have is paired with
 * one they newly have when the new name is the old one with the renamed table's (or entity's) old name
 * replaced by its new one, and, for tables, when every column pairs the same way with the same
 * definition. The names on both sides are those the scanner gives; nothing here derives a name.
 * A pair becomes renames — {@link RenameSequence} keeps the sequence's value, {@link RenameModel} and
 * {@link AlterModelTable} keep the rows, {@link RenameField} renames the join
 * columns — so the remaining rules see kept objects. Join and collection tables that keep their name
 * still get their renamed columns.
 */
public final class CompanionsOfRenamedTables implements DetectionRule {
    /** One name change to look for inside the names of other objects: {@code post} to {@code article}. */
    record Substitution(String from, String to) {}

    @Override
    public void detect(DiffContext ctx) {
        List<Table[]> renamed = renamedTables(ctx);
        if (renamed.isEmpty()) {
            return;
        }
        List<Substitution> subs = substitutions(renamed);
        Set<List<String>> schemaMoves = new LinkedHashSet<>();
        for (Table[] r : renamed) {
            schemaMoves.add(java.util.Arrays.asList(r[0].schema(), r[1].schema()));
        }
        followSequences(ctx, subs, schemaMoves);
        followTables(ctx, subs, schemaMoves);
    }

    /** The entity tables renamed or of a renamed entity, as (before this run, target) pairs. */
    static List<Table[]> renamedTables(DiffContext ctx) {
        var out = new ArrayList<Table[]>();
        for (Table[] pair : ctx.keptTables()) {
            Table now = pair[0];
            Table target = pair[1];
            if (now.entity() == null) {
                continue;
            }
            Table before = ctx.initial().tableNamed(now.qualifiedName()).orElse(now);
            if (!before.qualifiedName().equals(target.qualifiedName()) || !Objects.equals(before.entity(), target.entity())) {
                out.add(new Table[] {before, target});
            }
        }
        return out;
    }

    /** The name changes a rename brings: the table's name, and the entity's name as written and in snake case. */
    static List<Substitution> substitutions(List<Table[]> renamed) {
        var out = new LinkedHashSet<Substitution>();
        for (Table[] r : renamed) {
            add(out, r[0].name(), r[1].name());
            if (r[0].entity() != null && r[1].entity() != null) {
                add(out, r[0].entity().toLowerCase(Locale.ROOT), r[1].entity().toLowerCase(Locale.ROOT));
                add(out, snake(r[0].entity()), snake(r[1].entity()));
            }
        }
        return List.copyOf(out);
    }

    private static void add(Set<Substitution> out, String from, String to) {
        if (!from.isEmpty() && !from.equals(to)) {
            out.add(new Substitution(from, to));
        }
    }

    private static String snake(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /**
     * Whether {@code newName} is {@code oldName} with one of the substitutions (or all of them, for a
     * name made of two renamed ones) applied; a schema, when there is one, stays or moves as a renamed
     * table moved.
     */
    static boolean follows(String oldName, String newName, List<Substitution> subs, Set<List<String>> schemaMoves) {
        String oldSchema = schemaOf(oldName);
        String newSchema = schemaOf(newName);
        if (!Objects.equals(oldSchema, newSchema) && !schemaMoves.contains(java.util.Arrays.asList(oldSchema, newSchema))) {
            return false;
        }
        String oldBare = bare(oldName);
        String newBare = bare(newName);
        if (oldBare.equals(newBare)) {
            return !Objects.equals(oldSchema, newSchema);
        }
        String all = oldBare;
        for (Substitution s : subs) {
            if (oldBare.contains(s.from()) && oldBare.replace(s.from(), s.to()).equals(newBare)) {
                return true;
            }
            all = all.replace(s.from(), s.to());
        }
        return all.equals(newBare);
    }

    private static String schemaOf(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? null : name.substring(0, dot);
    }

    private static String bare(String name) {
        return name.substring(name.indexOf('.') + 1);
    }

    private static void followSequences(DiffContext ctx, List<Substitution> subs, Set<List<String>> schemaMoves) {
        var created = new ArrayList<Sequence>();
        for (Sequence s : ctx.target().sequences()) {
            if (!ctx.current().sequenceNameTaken(s.name())) {
                created.add(s);
            }
        }
        for (Sequence old : List.copyOf(ctx.current().sequences())) {
            if (ctx.target().sequence(old.name()).isPresent()) {
                continue;
            }
            for (Sequence neu : created) {
                if (neu.databaseName().equals(old.databaseName()) && follows(old.name(), neu.name(), subs, schemaMoves)) {
                    ctx.emit(Owners.appOfSequence(ctx, old.name()), new RenameSequence(old.name(), neu.name()));
                    created.remove(neu);
                    break;
                }
            }
        }
    }

    private static void followTables(DiffContext ctx, List<Substitution> subs, Set<List<String>> schemaMoves) {
        var fresh = new ArrayList<Table>();
        for (Table t : ctx.target().tables()) {
            if (t.entity() == null && ctx.currentTable(new ModelKey(t.app(), t.model())).isEmpty()) {
                fresh.add(t);
            }
        }
        for (Table old : List.copyOf(ctx.current().tables())) {
            if (old.entity() != null) {
                continue;
            }
            Optional<Table> kept = ctx.targetTable(new ModelKey(old.app(), old.model()));
            if (kept.isPresent()) {
                columnRenames(old, kept.get(), subs).ifPresent(renames -> renameColumns(ctx, old.app(), old.model(), renames));
                continue;
            }
            for (Table neu : fresh) {
                if (!neu.app().equals(old.app()) || !neu.databaseName().equals(old.databaseName())
                        || !follows(old.qualifiedName(), neu.qualifiedName(), subs, schemaMoves)) {
                    continue;
                }
                Optional<Map<String, String>> renames = columnRenames(old, neu, subs);
                if (renames.isPresent()) {
                    ctx.emit(old.app(), new RenameModel(old.model(), neu.model()));
                    // the table first, then its columns: what keeps the old name for the running code sees the old columns
                    if (!old.qualifiedName().equals(neu.qualifiedName())) {
                        ctx.emit(old.app(), new AlterModelTable(neu.model(), neu.qualifiedName()));
                    }
                    renameColumns(ctx, old.app(), neu.model(), renames.get());
                    fresh.remove(neu);
                    break;
                }
            }
        }
    }

    private static void renameColumns(DiffContext ctx, String app, String model, Map<String, String> renames) {
        renames.forEach((from, to) -> ctx.emit(app, new RenameField(model, from, to, to)));
    }

    /**
     * The column renames that take {@code old}'s columns to {@code neu}'s (empty map: the same names), or
     * nothing when the columns do not pair one to one with the same definitions.
     */
    static Optional<Map<String, String>> columnRenames(Table old, Table neu, List<Substitution> subs) {
        if (old.columns().size() != neu.columns().size()) {
            return Optional.empty();
        }
        var renames = new LinkedHashMap<String, String>();
        var used = new LinkedHashSet<String>();
        for (Column c : old.columns()) {
            Optional<Column> same = neu.findColumn(c.name()).filter(n -> Columns.sameDefinition(c, n));
            if (same.isPresent()) {
                used.add(c.name());
            }
        }
        for (Column c : old.columns()) {
            if (used.contains(c.name()) && neu.findColumn(c.name()).filter(n -> Columns.sameDefinition(c, n)).isPresent()) {
                continue;
            }
            Column match = null;
            for (Column n : neu.columns()) {
                if (!used.contains(n.name()) && old.findColumn(n.name()).isEmpty() && Columns.sameDefinition(c, n)
                        && follows(c.name(), n.name(), subs, Set.of())) {
                    match = n;
                    break;
                }
            }
            if (match == null) {
                return Optional.empty();
            }
            used.add(match.name());
            renames.put(c.name(), match.name());
        }
        return Optional.of(renames);
    }
}
