package dev.keel.diff.rules;

import dev.keel.diff.DetectionRule;
import dev.keel.diff.DiffContext;
import dev.keel.operations.RenameSequence;
import dev.keel.state.Sequence;

import java.util.List;
import java.util.Objects;

/**
 * A sequence moved to another schema: the entities no longer have {@code crm.contact_ids} and newly have
 * {@code sales.contact_ids}, because {@code @SequenceGenerator(schema)} changed. Left to the other rules, the new
 * sequence would start again at its start value while the table keeps its ids, and the next inserts would collide
 * with existing keys. The two are paired when they have the same name without the schema, live in the same
 * database, and neither side has another sequence of that name: {@link RenameSequence} moves it
 * ({@code ALTER SEQUENCE ... SET SCHEMA}) and keeps its value; a changed start or increment is then an
 * {@code AlterSequence} of the moved one.
 */
public final class MovedSequences implements DetectionRule {
    @Override
    public void detect(DiffContext ctx) {
        List<Sequence> gone = ctx.current().sequences().stream().filter(s -> ctx.target().sequence(s.name()).isEmpty()).toList();
        List<Sequence> created = ctx.target().sequences().stream().filter(s -> !ctx.current().sequenceNameTaken(s.name())).toList();
        for (Sequence old : gone) {
            List<Sequence> sameName = created.stream().filter(s -> bare(s.name()).equals(bare(old.name()))
                    && !Objects.equals(schemaOf(s.name()), schemaOf(old.name())) && s.databaseName().equals(old.databaseName())).toList();
            long oldOnes = gone.stream().filter(s -> bare(s.name()).equals(bare(old.name()))).count();
            if (sameName.size() == 1 && oldOnes == 1) {
                ctx.emit(Owners.appOfSequence(ctx, old.name()), new RenameSequence(old.name(), sameName.get(0).name()));
            }
        }
    }

    static String schemaOf(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? null : name.substring(0, dot);
    }

    static String bare(String name) {
        return name.substring(name.indexOf('.') + 1);
    }
}
