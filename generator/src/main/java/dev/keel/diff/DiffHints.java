package dev.keel.diff;

import dev.keel.state.ModelKey;

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

    public Optional<String> initializerDefault(String app, String model, String field) {
        return Optional.ofNullable(initializerDefaults.get(new FieldRef(app, model, field)));
    }
}
