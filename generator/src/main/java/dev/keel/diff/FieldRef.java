package dev.keel.diff;

import java.util.Locale;

/** Names a field of a model: {@code blog.post.legacyFlag}. */
public record FieldRef(String app, String model, String field) {
    public FieldRef {
        model = model.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return app + "." + model + "." + field;
    }
}
