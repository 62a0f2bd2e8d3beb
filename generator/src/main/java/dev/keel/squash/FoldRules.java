package dev.keel.squash;

import dev.keel.squash.rules.AddThenAlterField;
import dev.keel.squash.rules.AddThenRemoveConstraint;
import dev.keel.squash.rules.AddThenRemoveField;
import dev.keel.squash.rules.AddThenRemoveIndex;
import dev.keel.squash.rules.AddThenRenameField;
import dev.keel.squash.rules.AlterThenAlterField;
import dev.keel.squash.rules.AlterThenRemoveField;
import dev.keel.squash.rules.CreateThenChangeConstraint;
import dev.keel.squash.rules.CreateThenChangeField;
import dev.keel.squash.rules.CreateThenChangeIndex;
import dev.keel.squash.rules.CreateThenChangeTable;
import dev.keel.squash.rules.CreateThenDelete;
import dev.keel.squash.rules.CreateThenRenameModel;
import dev.keel.squash.rules.PendingThenDeleteField;
import dev.keel.squash.rules.PendingThenDeleteModel;
import dev.keel.squash.rules.RenameThenRenameField;
import dev.keel.squash.rules.SequenceFolds;

import java.util.List;

/** Every fold the squash optimizer knows, tried in this order. */
public final class FoldRules {
    private FoldRules() {}

    /** The rules, most specific first. */
    public static List<FoldRule> all() {
        return List.of(
                new CreateThenDelete(),
                new CreateThenRenameModel(),
                new CreateThenChangeField(),
                new CreateThenChangeIndex(),
                new CreateThenChangeConstraint(),
                new CreateThenChangeTable(),
                new AddThenRemoveField(),
                new AddThenAlterField(),
                new AddThenRenameField(),
                new AlterThenAlterField(),
                new AlterThenRemoveField(),
                new RenameThenRenameField(),
                new PendingThenDeleteField(),
                new PendingThenDeleteModel(),
                new AddThenRemoveIndex(),
                new AddThenRemoveConstraint(),
                new SequenceFolds());
    }
}
