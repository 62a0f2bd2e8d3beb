package dev.keel.rewrite;

import java.util.Set;

/**
 * What the user allows and what keel knows of the data.
 *
 * @param allowed     unsafe changes explicitly allowed: {@link #TYPE_CHANGE}, {@link #RENAME}
 * @param largeTables tables named large in keel.json: index builds on them run after deployment
 */
public record SafetyOptions(Set<String> allowed, Set<String> largeTables) {
    /** Allows a column type change that rewrites the table. */
    public static final String TYPE_CHANGE = "type-change";
    /** Allows renaming a table or column in the database. */
    public static final String RENAME = "rename";

    public static final SafetyOptions DEFAULT = new SafetyOptions(Set.of(), Set.of());

    public SafetyOptions {
        allowed = Set.copyOf(allowed);
        largeTables = Set.copyOf(largeTables);
    }

    public boolean allows(String change) {
        return allowed.contains(change);
    }
}
