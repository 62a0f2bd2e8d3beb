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
    private final List<String> renames = new ArrayList<>();
    private final boolean stopOnLikelyRename;

    /** Writes likely renames as a removal and an addition, with a note (the library's default). */
    public NonInteractiveQuestioner() {
        this(false);
    }

    private NonInteractiveQuestioner(boolean stopOnLikelyRename) {
        this.stopOnLikelyRename = stopOnLikelyRename;
    }

    /**
     * Stops at a likely rename instead (the command line's default where it cannot ask): a removal and an
     * addition would lose the column's or the table's data, so the user must say which it is.
     */
    public static NonInteractiveQuestioner stoppingAtLikelyRenames() {
        return new NonInteractiveQuestioner(true);
    }

    /** Whether a likely rename must stop makemigrations (see {@link #likelyRenames()}). */
    public boolean stopsAtLikelyRenames() {
        return stopOnLikelyRename;
    }

    /**
     * The likely renames seen, each with the exact hint that says it is one: what makemigrations prints
     * when it stops (exit 3).
     */
    public List<String> likelyRenames() {
        return List.copyOf(renames);
    }

    @Override
    public Optional<String> defaultForNotNullAdd(FieldRef field, Column column) {
        return Optional.empty();
    }

    @Override
    public boolean isRename(FieldRef removed, FieldRef added) {
        renames.add("field " + added + " looks like a rename of " + removed.field() + " (same type and column"
                + " shape). keel cannot ask here, and writing a removal and an addition would lose the column's data."
                + "\nTo fix: if it is a rename, say so with either"
                + "\n  @RenamedFrom(\"" + removed.field() + "\") on the field " + added.field() + ", or"
                + "\n  keel makemigrations --rename " + removed + "=" + added.field()
                + "\nIf it is not a rename: keel makemigrations --not-renamed");
        notes.add("field " + added + " looks like a rename of " + removed.field()
                + ": keel writes a remove and an add. If it is a rename, add @RenamedFrom(\"" + removed.field()
                + "\") to the field " + added.field() + " (or pass --rename " + removed + "=" + added.field() + ").");
        return false;
    }

    @Override
    public boolean isModelRename(String app, String removedModel, String addedModel) {
        renames.add("model " + app + "." + addedModel + " looks like a rename of " + removedModel + " (the same"
                + " fields). keel cannot ask here, and writing a new table and moving the old one to pending would"
                + " leave its rows behind."
                + "\nTo fix: if it is a rename, say so with either"
                + "\n  @RenamedFrom(\"" + removedModel + "\") on the entity class (with @Table(name = ...) naming the old"
                + " table, so that the rename needs no SQL while the old code still runs), or"
                + "\n  keel makemigrations --rename " + app + "." + removedModel + "=" + addedModel
                + "\nIf it is not a rename: keel makemigrations --not-renamed");
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
