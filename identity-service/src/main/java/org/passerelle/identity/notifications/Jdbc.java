package org.passerelle.identity.notifications;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** Small conversions for the plain JDBC of this package, whose queries (arrays, skip locked) are PostgreSQL's own. */
final class Jdbc {

    private Jdbc() {
    }

    static Array texts(Connection connection, Collection<String> values) throws SQLException {
        return values == null ? null : connection.createArrayOf("text", values.toArray());
    }

    static List<String> texts(ResultSet row, String column) throws SQLException {
        Array array = row.getArray(column);
        return array == null ? null : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp at = row.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    static Integer integer(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    /** A checked SQL failure as an unchecked one, so that the transaction rolls back. */
    static IllegalStateException failure(SQLException e) {
        return new IllegalStateException("webhook store: " + e.getMessage(), e);
    }
}
