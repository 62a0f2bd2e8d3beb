package dev.keel.diff;

import dev.keel.diff.rules.AddedConstraints;
import dev.keel.diff.rules.AddedFields;
import dev.keel.diff.rules.AddedIndexes;
import dev.keel.diff.rules.AlteredFields;
import dev.keel.diff.rules.AlteredModelComments;
import dev.keel.diff.rules.AlteredModelTables;
import dev.keel.diff.rules.AlteredSequences;
import dev.keel.diff.rules.CompanionsOfRenamedTables;
import dev.keel.diff.rules.CreatedModels;
import dev.keel.diff.rules.CreatedSequences;
import dev.keel.diff.rules.CreatedEnumTypes;
import dev.keel.diff.rules.ChangedEnumValues;
import dev.keel.diff.rules.DroppedEnumTypes;
import dev.keel.diff.rules.DeletedModels;
import dev.keel.diff.rules.DeletedSequences;
import dev.keel.diff.rules.MovedDatabases;
import dev.keel.diff.rules.MovedSequences;
import dev.keel.diff.rules.RemovedConstraints;
import dev.keel.diff.rules.RemovedFields;
import dev.keel.diff.rules.RemovedIndexes;
import dev.keel.diff.rules.RenamedConstraints;
import dev.keel.diff.rules.RenamedFields;
import dev.keel.diff.rules.RenamedIndexes;
import dev.keel.diff.rules.RenamedModels;
import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.project.ProjectState;

import java.util.List;
import java.util.Map;

/**
 * Finds the operations that take the state the migrations build to the state the entities describe.
 * It runs an ordered list of small rules; the order makes dependencies hold: renames first, tables
 * before the foreign keys that point at them, constraints removed before the columns and tables they
 * use, tables deleted last.
 */
public final class Autodetector {
    /** The rules, in the order they run. */
    public static final List<DetectionRule> RULES = List.of(
            new RenamedModels(),
            new MovedDatabases(),
            new CompanionsOfRenamedTables(),
            new MovedSequences(),
            new AlteredModelTables(),
            new CreatedSequences(),
            new AlteredSequences(),
            new CreatedEnumTypes(),
            new ChangedEnumValues(),
            new CreatedModels(),
            new RenamedFields(),
            new RenamedConstraints(),
            new RemovedConstraints(),
            new RenamedIndexes(),
            new RemovedIndexes(),
            new AddedFields(),
            new AlteredFields(),
            new RemovedFields(),
            new AddedConstraints(),
            new AddedIndexes(),
            new AlteredModelComments(),
            new DeletedModels(),
            new DeletedSequences(),
            new DroppedEnumTypes());

    private Autodetector() {}

    /**
     * The changes from {@code from} to {@code to}.
     *
     * @throws KeelException of kind INPUT_NEEDED when a decision is missing (every one is listed)
     */
    public static Changes changes(ProjectState from, ProjectState to, DiffHints hints, Questioner questioner) {
        if (SchemaComparison.differences(from, to).isEmpty()) {
            // the same schema: the common case of a check; the rules would only confirm it table by table
            return new Changes(Map.of());
        }
        var context = new DiffContext(from, to, hints, questioner);
        for (DetectionRule rule : RULES) {
            rule.detect(context);
        }
        if (!context.inputNeeded().isEmpty()) {
            throw new KeelException(ErrorKind.INPUT_NEEDED, context.inputNeeded());
        }
        List<String> left = SchemaComparison.differences(context.current(), context.target());
        if (!left.isEmpty()) {
            throw new IllegalStateException("keel bug: the detected operations do not reach the entities' state: " + left);
        }
        return new Changes(context.operations());
    }
}
