package dev.keel.runner;

import java.util.Set;

/**
 * Which tables are large, so that {@code migrate} leaves the migrations that build indexes or validate
 * constraints on them for the post-deployment phase ({@code migrate --post-deploy}): a table with at least
 * {@code rows} rows as the database's catalog estimates them, or one listed in {@code keel.json}'s
 * {@code largeTables} whatever its size (so that every environment runs the same phases). {@code rows} 0
 * turns the size check off (only the listed tables are large).
 *
 * <p>Why {@value #DEFAULT_ROWS} rows by default: a concurrent build scans the table twice and sorts its
 * keys; measured on a 2-core server with nothing else running, a B-tree on a {@code bigint} column costs about
 * 0.9 µs per row and one on a 32-character text column about 2.3 µs, so a million rows take 1 to 2.5 s, half
 * the 5 s deploy-time statement timeout, and more with the writers of a live service. Builds and validations
 * no longer fail on that timeout (they run without it), but one of minutes would hold up the deploy, so a
 * table from a million rows on has them run after it.
 */
public record LargeTables(long rows, Set<String> listed) {
    /** The size, in rows, from which a table is large unless configured otherwise. */
    public static final long DEFAULT_ROWS = 1_000_000;

    public LargeTables {
        if (rows < 0) {
            throw new IllegalArgumentException("the large-table threshold must be 0 (off) or a number of rows, not " + rows);
        }
        listed = Set.copyOf(listed);
    }

    /** The default threshold, no table listed. */
    public static LargeTables defaults() {
        return new LargeTables(DEFAULT_ROWS, Set.of());
    }

    /** Whether the size check is on. */
    public boolean checksSize() {
        return rows > 0;
    }

    /** Whether a table of {@code estimatedRows} rows is large. */
    public boolean large(long estimatedRows) {
        return checksSize() && estimatedRows >= rows;
    }

    /**
     * The entry of {@code largeTables} that names the table {@code schema}.{@code name}, or null: an entry is
     * a table name ({@code event}, any schema) or a schema-qualified one ({@code audit.log}), as in keel.json.
     */
    public String listing(String schema, String name) {
        return listed.contains(name) ? name : listed.contains(schema + "." + name) ? schema + "." + name : null;
    }

    /** These settings with another threshold. */
    public LargeTables withRows(long rows) {
        return new LargeTables(rows, listed);
    }
}
