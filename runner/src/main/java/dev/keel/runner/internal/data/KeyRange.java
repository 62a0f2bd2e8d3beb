package dev.keel.runner.internal.data;

import dev.keel.migration.Batch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** A {@link Batch}: the keys {@code [first, last]} of one batch, with the condition that selects its rows. */
record KeyRange(Connection connection, Object first, Object last, int rows, String where) implements Batch {
    @Override
    public int bind(PreparedStatement statement, int index) throws SQLException {
        statement.setObject(index, first);
        statement.setObject(index + 1, last);
        return index + 2;
    }
}
