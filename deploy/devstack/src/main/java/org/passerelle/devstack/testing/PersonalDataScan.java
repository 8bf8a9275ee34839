package org.passerelle.devstack.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Looks for a person's values (names, email, identifiers) in every column of every table of a database, each
 * column read as text (json, arrays and all), whatever the case. What a test of erasure asserts is empty.
 */
public final class PersonalDataScan {

    /** A value found in a column, and how many rows hold it. */
    public record Finding(String table, String column, String value, long rows) {
        @Override
        public String toString() {
            return table + "." + column + " holds '" + value + "' in " + rows + " row(s)";
        }
    }

    private PersonalDataScan() {
    }

    public static List<Finding> scan(String jdbcUrl, String user, String password, Collection<String> values) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password)) {
            return scan(connection, values);
        }
    }

    public static List<Finding> scan(Connection connection, Collection<String> values) throws SQLException {
        List<String> wanted = values.stream().filter(Objects::nonNull).map(String::strip).filter(v -> !v.isEmpty()).distinct().toList();
        List<String[]> columns = new ArrayList<>();
        try (var statement = connection.createStatement();
             var rows = statement.executeQuery("""
                     select c.table_schema, c.table_name, c.column_name from information_schema.columns c
                     join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                     where t.table_type = 'BASE TABLE' and c.table_schema not in ('pg_catalog', 'information_schema')
                     order by 1, 2, 3""")) {
            while (rows.next()) {
                columns.add(new String[]{rows.getString(1), rows.getString(2), rows.getString(3)});
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (String[] column : columns) {
            String table = quoted(column[0]) + "." + quoted(column[1]);
            String sql = "select count(*) from " + table + " where cast(" + quoted(column[2]) + " as text) ilike ?";
            for (String value : wanted) {
                try (var query = connection.prepareStatement(sql)) {
                    query.setString(1, "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
                    try (var count = query.executeQuery()) {
                        count.next();
                        if (count.getLong(1) > 0) {
                            findings.add(new Finding(column[0] + "." + column[1], column[2], value, count.getLong(1)));
                        }
                    }
                }
            }
        }
        return findings;
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
