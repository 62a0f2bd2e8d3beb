package dev.keel.state;

/**
 * Names as the state writes them: {@code table} in the default schema, {@code schema.table} in another
 * (tables, views and sequences alike). The one place that splits such a name.
 */
public final class QualifiedNames {
    private QualifiedNames() {}

    /** The schema of {@code qualified}, or null for the default schema: {@code crm} for {@code crm.contact}. */
    public static String schemaOf(String qualified) {
        int dot = qualified.indexOf('.');
        return dot < 0 ? null : qualified.substring(0, dot);
    }

    /** {@code qualified} without its schema: {@code contact} for {@code crm.contact} and for {@code contact}. */
    public static String bareName(String qualified) {
        return qualified.substring(qualified.indexOf('.') + 1);
    }
}
