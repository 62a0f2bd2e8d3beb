package dev.keel.diff;

import dev.keel.project.ModelKey;

import java.util.Map;
import java.util.Optional;

/**
 * What the entities say beyond the schema: rename hints ({@code @RenamedFrom}, {@code --rename}) and
 * Java field initializers that can serve as database defaults.
 *
 * @param renamedModels       new model -> old model name (same app)
 * @param renamedFields       new field -> old field name (same model, after model renames)
 * @param initializerDefaults a field's Java initializer as an SQL literal ({@code = true} -> {@code true})
 */
public record DiffHints(Map<ModelKey, String> renamedModels, Map<FieldRef, String> renamedFields,
                        Map<FieldRef, String> initializerDefaults) {
    public static final DiffHints NONE = new DiffHints(Map.of(), Map.of(), Map.of());

    public DiffHints {
        renamedModels = Map.copyOf(renamedModels);
        renamedFields = Map.copyOf(renamedFields);
        initializerDefaults = Map.copyOf(initializerDefaults);
    }

    /** These hints with {@code other}'s added; {@code other} wins where both name the same thing. */
    public DiffHints plus(DiffHints other) {
        var models = new java.util.HashMap<>(renamedModels);
        models.putAll(other.renamedModels);
        var fields = new java.util.HashMap<>(renamedFields);
        fields.putAll(other.renamedFields);
        var defaults = new java.util.HashMap<>(initializerDefaults);
        defaults.putAll(other.initializerDefaults);
        return new DiffHints(models, fields, defaults);
    }

    /**
     * Parses a {@code --rename} hint: {@code app.Model.oldField=newField} renames a field,
     * {@code app.OldModel=NewModel} a model.
     */
    public static DiffHints parseRename(String text) {
        int eq = text.indexOf('=');
        String[] left = eq < 0 ? new String[0] : text.substring(0, eq).split("\\.");
        String right = eq < 0 ? "" : text.substring(eq + 1).trim();
        if (right.isEmpty() || left.length < 2 || left.length > 3) {
            throw new dev.keel.error.KeelException(dev.keel.error.ErrorKind.USAGE, "--rename " + text
                    + ": expected app.Model.oldField=newField or app.OldModel=NewModel."
                    + "\nTo fix: for example --rename blog.Post.title=headline.");
        }
        if (left.length == 3) {
            return new DiffHints(Map.of(), Map.of(new FieldRef(left[0], left[1], right), left[2]), Map.of());
        }
        return new DiffHints(Map.of(new ModelKey(left[0], right), left[1]), Map.of(), Map.of());
    }

    public Optional<String> initializerDefault(String app, String model, String field) {
        return Optional.ofNullable(initializerDefaults.get(new FieldRef(app, model, field)));
    }

    /*
     * equals and hashCode written out, as Java's record methods define them (the same components, the same hash:
     * RecordMethodsTest compares them with java.lang.runtime.ObjectMethods'): those are linked through method
     * handles on first use, a few milliseconds of a short command each, which no class-data archive keeps.
     */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof DiffHints other
                && java.util.Objects.equals(renamedModels, other.renamedModels)
                && java.util.Objects.equals(renamedFields, other.renamedFields)
                && java.util.Objects.equals(initializerDefaults, other.initializerDefaults);
    }

    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + java.util.Objects.hashCode(renamedModels);
        h = 31 * h + java.util.Objects.hashCode(renamedFields);
        h = 31 * h + java.util.Objects.hashCode(initializerDefaults);
        return h;
    }
}
