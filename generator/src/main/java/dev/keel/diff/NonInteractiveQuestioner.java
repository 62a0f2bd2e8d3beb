package dev.keel.diff;

import dev.keel.state.Column;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Answers without asking: never invents a default, never assumes a rename. Likely renames are kept as
 * notes that tell the user which hint to add.
 */
public final class NonInteractiveQuestioner implements Questioner {
    private final List<String> notes = new ArrayList<>();

    @Override
    public Optional<String> defaultForNotNullAdd(FieldRef field, Column column) {
        return Optional.empty();
    }

    @Override
    public boolean isRename(FieldRef removed, FieldRef added) {
        notes.add("field " + added + " looks like a rename of " + removed.field()
                + ": keel writes a remove and an add. If it is a rename, add @RenamedFrom(\"" + removed.field()
                + "\") to the field " + added.field() + " (or pass --rename " + removed + "=" + added.field() + ").");
        return false;
    }

    @Override
    public boolean isModelRename(String app, String removedModel, String addedModel) {
        notes.add("model " + app + "." + addedModel + " looks like a rename of " + removedModel
                + ": keel writes a delete and a create. If it is a rename, add @RenamedFrom(\"" + removedModel
                + "\") to the entity class (or pass --rename " + app + "." + removedModel + "=" + addedModel + ").");
        return false;
    }

    /** The likely renames seen, as messages naming the hint to add. */
    public List<String> notes() {
        return List.copyOf(notes);
    }
}
