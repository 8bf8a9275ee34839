package org.passerelle.curriculum;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;

/** The events a test caused, read from the outbox as the relay would publish them. */
public final class Outboxes {

    /** One outbox row: its CloudEvents type and JSON data. */
    public record Event(String type, String data) {
    }

    private Outboxes() {
    }

    /** The events of an aggregate (the record key), in publishing order. */
    public static List<Event> of(DataSource dataSource, String aggregateId) throws Exception {
        List<Event> events = new ArrayList<>();
        try (var connection = dataSource.getConnection();
             var query = connection.prepareStatement(
                     "select type, payload::text from outbox_event where aggregate_id = ? order by position")) {
            query.setString(1, aggregateId);
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    events.add(new Event(rows.getString(1), rows.getString(2)));
                }
            }
        }
        return events;
    }
}
