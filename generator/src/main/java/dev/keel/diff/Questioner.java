package dev.keel.diff;

import dev.keel.state.Column;

import java.util.Optional;

/**
 * Where detection rules take decisions they cannot make alone. A terminal implementation may ask the
 * user; the non-interactive one answers from what it was told and records what needs input.
 */
public interface Questioner {
    /**
     * A NOT NULL column is added to an existing table and has no database default.
     *
     * @return the SQL default to use, or empty when none can be chosen (the detector then fails with
     *         kind INPUT_NEEDED, naming the fixes)
     */
    Optional<String> defaultForNotNullAdd(FieldRef field, Column column);

    /**
     * A field disappeared and another with the same column definition appeared on the same model.
     *
     * @return true to treat it as a rename
     */
    boolean isRename(FieldRef removed, FieldRef added);

    /**
     * A model disappeared and another with the same columns appeared in the same app.
     *
     * @param removedModel the entity name (simple class name) that disappeared, as {@code @RenamedFrom} takes it
     * @param addedModel   the entity name that appeared
     * @return true to treat it as a rename
     */
    boolean isModelRename(String app, String removedModel, String addedModel);

    /**
     * A column of a table with rows changes to a type keel cannot convert its values to alone (text to jsonb).
     *
     * @param example an expression that often fits, over the column's name
     * @return the SQL expression giving the new value from the old column (named as in the database), or empty
     *         when none is given (makemigrations then stops with exit 3, naming {@code --using})
     */
    default Optional<String> usingForTypeChange(FieldRef field, Column column, String newType, String example) {
        return Optional.empty();
    }
}
