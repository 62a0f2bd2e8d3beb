package dev.keel.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * One batch of a {@link Backfill#forEach} walk: the rows whose primary key lies in
 * {@code [first, last]}, inside the batch's own transaction.
 *
 * <pre>{@code
 * try (PreparedStatement st = batch.connection().prepareStatement(
 *         "SELECT id, body FROM " + article.name() + " WHERE " + batch.where())) {
 *     batch.bind(st, 1);
 *     ...
 * }
 * }</pre>
 */
public interface Batch {
    /** The connection, in the batch's transaction: do not commit, roll back or close it. */
    Connection connection();

    /** The first primary key of the batch, as JDBC reads it ({@code Long} for {@code bigint}). */
    Object first();

    /** The last primary key of the batch. */
    Object last();

    /** How many rows the batch holds. */
    int rows();

    /** The batch's rows as an SQL condition with two parameters: {@code id BETWEEN ? AND ?}. */
    String where();

    /**
     * Sets the two parameters of {@link #where()} on {@code statement}, at {@code index} and {@code index + 1}.
     *
     * @return the index after them
     */
    int bind(PreparedStatement statement, int index) throws SQLException;
}
