package org.passerelle.devstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * The topics declared in docs/events/asyncapi.yaml (channel address, Kafka binding: partitions and topic
 * configuration), created on a devstack broker with one replica.
 */
public final class EventTopics {

    public record Topic(String name, int partitions, int replicas, Map<String, String> config) {
    }

    private EventTopics() {
    }

    @SuppressWarnings("unchecked")
    public static List<Topic> declaredIn(Path asyncApi) throws IOException {
        Map<String, Object> document = new Yaml().load(Files.readString(asyncApi));
        List<Topic> topics = new ArrayList<>();
        var channels = (Map<String, Map<String, Object>>) document.get("channels");
        for (var channel : channels.values()) {
            var bindings = (Map<String, Object>) channel.get("bindings");
            var kafka = bindings == null ? null : (Map<String, Object>) bindings.get("kafka");
            if (kafka == null) {
                continue;
            }
            Map<String, String> config = new HashMap<>();
            var topicConfiguration = (Map<String, Object>) kafka.getOrDefault("topicConfiguration", Map.of());
            topicConfiguration.forEach((key, value) -> config.put(key,
                    value instanceof List<?> list ? String.join(",", list.stream().map(String::valueOf).toList()) : String.valueOf(value)));
            topics.add(new Topic((String) channel.get("address"), (Integer) kafka.get("partitions"),
                    (Integer) kafka.get("replicas"), config));
        }
        return topics;
    }

    /** Creates the topics that do not exist yet, with one replica (a devstack broker is alone). */
    public static void create(String bootstrapServers, List<Topic> topics) throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name()))
                    .map(t -> new NewTopic(t.name(), t.partitions(), (short) 1).configs(t.config())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
        }
    }

    /** docs/events/asyncapi.yaml of the repository, found from the working folder upwards; null if absent. */
    public static Path catalogueFrom(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs/events/asyncapi.yaml");
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
