package org.passerelle.devstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The local platform keeps its data between runs: PostgreSQL and Kafka restarted on the same folders. */
class NodesRestartTest {

    @Test
    void postgresKeepsItsDatabasesAcrossRestarts() throws Exception {
        Path data = Files.createTempDirectory("pg-restart-");
        int port = FreePorts.next();
        var first = new PostgresNode(data, port);
        first.start();
        first.ensureDatabase("mobility");
        try (var c = DriverManager.getConnection(first.jdbcUrl("mobility"), PostgresNode.USER, PostgresNode.PASSWORD)) {
            c.createStatement().execute("create table nomination (name text)");
            c.createStatement().execute("insert into nomination values ('Éloïse D''Aubigné'), ('王芳')");
        }
        first.stop();
        assertTrue(FreePorts.isFree(port), "the port is released on stop");

        var second = new PostgresNode(data, port);
        second.start();
        try (var c = DriverManager.getConnection(second.jdbcUrl("mobility"), PostgresNode.USER, PostgresNode.PASSWORD);
             var rows = c.createStatement().executeQuery("select name from nomination order by name")) {
            rows.next();
            assertEquals("Éloïse D'Aubigné", rows.getString(1));
            rows.next();
            assertEquals("王芳", rows.getString(1));
        } finally {
            second.stop();
        }
    }

    @Test
    void kafkaKeepsItsTopicsAcrossRestarts() throws Exception {
        var broker = KafkaNode.temporary();
        broker.start();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("agreements.agreement.events", 3, (short) 1))).all().get();
        }
        broker.stop();
        assertFalse(broker.isRunning());
        assertTrue(FreePorts.isFree(broker.port()), "the port is released on stop");

        broker.start();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            Set<String> topics = admin.listTopics().names().get();
            assertTrue(topics.contains("agreements.agreement.events"), topics.toString());
        } finally {
            broker.stop();
        }
    }
}
