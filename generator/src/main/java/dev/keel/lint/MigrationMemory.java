package dev.keel.lint;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the operations and statements of a migration did so far, for the rules that depend on it: the
 * tables it created (new tables hold no rows, so what is unsafe on a busy table is fine on them), the
 * tables it has changed under a lock that blocks writes, and the NOT NULL checks it added and validated.
 */
public final class MigrationMemory {
    private final Set<String> created = new HashSet<>();
    private final Set<String> locked = new HashSet<>();
    private final Map<String, String> notNullChecks = new HashMap<>();
    private final Set<String> provenNotNull = new HashSet<>();

    /** Whether this migration created the table. */
    public boolean created(String table) {
        return created.contains(table);
    }

    /** Whether an earlier operation of this migration holds a lock on the table that blocks writes. */
    public boolean locked(String table) {
        return locked.contains(table);
    }

    /** Whether an earlier statement of this migration validated a check proving {@code table.column} NOT NULL. */
    public boolean provenNotNull(String table, String column) {
        return provenNotNull.contains(table + "." + column);
    }

    void create(String table) {
        created.add(table);
    }

    void lock(String table) {
        locked.add(table);
    }

    void notNullCheck(String constraint, String table, String column) {
        notNullChecks.put(constraint, table + "." + column);
    }

    void validated(String constraint) {
        String column = notNullChecks.get(constraint);
        if (column != null) {
            provenNotNull.add(column);
        }
    }
}
