package org.passerelle.identity;

import io.agroal.api.AgroalDataSource;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The events a test caused, as the outbox holds them. */
public final class OutboxRows {

    /** One outbox row: its CloudEvents type and JSON payload. */
    public record Event(String type, String payload) {

        /** The payload as JSON, to read its fields. */
        public com.fasterxml.jackson.databind.JsonNode data() {
            try {
                return new com.fasterxml.jackson.databind.ObjectMapper().readTree(payload);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private OutboxRows() {
    }

    /** The events of one aggregate, in publishing order. */
    public static List<Event> of(AgroalDataSource dataSource, Object aggregateId) throws SQLException {
        List<Event> events = new ArrayList<>();
        try (var connection = dataSource.getConnection();
             var query = connection.prepareStatement(
                     "select type, payload::text from outbox_event where aggregate_id = ? order by position")) {
            query.setString(1, String.valueOf(aggregateId));
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    events.add(new Event(rows.getString(1), rows.getString(2)));
                }
            }
        }
        return events;
    }
}
