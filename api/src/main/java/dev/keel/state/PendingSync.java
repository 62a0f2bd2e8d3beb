package dev.keel.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The trigger that keeps the physical column {@code column} of {@code table} in step with the column
 * {@code source} while two versions of the code run ({@code AddColumnSync}); dropped in the delete phase,
 * before the old column. {@code forward} gives {@code column} from {@code source}, {@code backward}
 * {@code source} from {@code column}, each an SQL expression over its one column's name.
 *
 * <p>Its database objects are named after the table and the column: the trigger
 * {@link #triggerName()} on the table, the function {@link #functionName()} in the table's schema.
 */
public record PendingSync(String app, String model, String table, String source, String column, String forward,
                          String backward) implements PendingDeletion {
    /** PostgreSQL's longest identifier, in bytes. */
    private static final int MAX_BYTES = 63;

    public PendingSync {
        Names.require(app, "app label");
        model = Names.modelKey(model);
        Names.require(table, "table");
        Names.require(source, "source column");
        Names.require(column, "column");
        Names.require(forward, "forward expression");
        Names.require(backward, "backward expression");
    }

    /** The trigger on the table: {@code keel_sync_nickname}. */
    public String triggerName() {
        return name("keel_sync_" + column);
    }

    /** The trigger's function, without its schema: {@code keel_sync_user_nickname}. */
    public String functionName() {
        return name("keel_sync_" + QualifiedNames.bareName(table) + "_" + column);
    }

    /** The schema of the table, or null for the default one. */
    public String schema() {
        return QualifiedNames.schemaOf(table);
    }

    /** This sync in the table {@code newTable} (the table was renamed or moved). */
    public PendingSync inTable(String newTable) {
        return new PendingSync(app, model, newTable, source, column, forward, backward);
    }

    /**
     * {@code full}, or when it is longer than PostgreSQL's 63 bytes, its start with an 8-character hash
     * of the whole name, so two long names stay different and one name always gives the same result.
     */
    static String name(String full) {
        if (full.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
            return full;
        }
        String hash;
        try {
            hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(full.getBytes(StandardCharsets.UTF_8))).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String cut = full;
        while (cut.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES - hash.length() - 1) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "_" + hash;
    }
}
