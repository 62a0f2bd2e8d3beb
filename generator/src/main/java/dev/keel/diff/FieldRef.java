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

    /*
     * equals and hashCode written out, as Java's record methods define them (the same components, the same hash:
     * RecordMethodsTest compares them with java.lang.runtime.ObjectMethods'): those are linked through method
     * handles on first use, a few milliseconds of a short command each, which no class-data archive keeps.
     */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof FieldRef other
                && java.util.Objects.equals(app, other.app)
                && java.util.Objects.equals(model, other.model)
                && java.util.Objects.equals(field, other.field);
    }

    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + java.util.Objects.hashCode(app);
        h = 31 * h + java.util.Objects.hashCode(model);
        h = 31 * h + java.util.Objects.hashCode(field);
        return h;
    }
}
