package dev.keel.make;

import dev.keel.diff.FieldRef;
import dev.keel.diff.Questioner;
import dev.keel.operations.AlterField;
import dev.keel.operations.Operation;
import dev.keel.project.ModelKey;
import dev.keel.project.ProjectState;
import dev.keel.rewrite.SafetyOptions;
import dev.keel.rewrite.conversions.Conversion;
import dev.keel.rewrite.conversions.Conversions;
import dev.keel.rewrite.rules.InPlaceTypeChange;
import dev.keel.state.Column;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Asks, before the safety rewrite, for the expression of each type change of an existing table that keel
 * cannot convert alone and the user gave none for ({@code --using}); an answer is added to the options, as if
 * given with {@code --using}. A questioner that cannot ask leaves the options as they are: the rewrite then
 * stops with exit 3, naming {@code --using}.
 */
final class TypeChangeQuestions {
    private TypeChangeQuestions() {}

    static SafetyOptions ask(String app, ProjectState state, List<Operation> operations, SafetyOptions safety,
                             Questioner questioner, Set<ModelKey> createdInRun) {
        SafetyOptions result = safety;
        if (safety.allows(SafetyOptions.TYPE_CHANGE)) {
            return result;
        }
        for (Operation op : operations) {
            if (!(op instanceof AlterField alter) || createdInRun.contains(new ModelKey(app, alter.model()))) {
                continue;
            }
            Optional<Column> old = state.table(app, alter.model()).flatMap(t -> t.findFieldOrColumn(alter.field()));
            if (old.isEmpty()) {
                continue;
            }
            String from = old.get().type();
            String to = alter.column().type();
            if (InPlaceTypeChange.of(from, to)
                    || result.using(app, alter.model(), alter.field()).isPresent()) {
                continue;
            }
            Conversion conversion = Conversions.of(from, to);
            if (conversion.derived()) {
                continue;
            }
            var ref = new FieldRef(app, alter.model(), alter.field());
            String example = dev.keel.rewrite.conversions.EnumStorage.conversion(old.get().name(), from, to,
                            state.table(app, alter.model()).orElseThrow().constraints(), operations, alter.model())
                    .orElse(conversion.hint().replaceFirst("^x", java.util.regex.Matcher.quoteReplacement(old.get().name())));
            Optional<String> answer = questioner.usingForTypeChange(ref, old.get(), to, example);
            if (answer.isPresent()) {
                result = result.withUsing(ref.toString(), answer.get());
            }
        }
        return result;
    }
}
