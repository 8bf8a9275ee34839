package org.passerelle.k8s;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cluster's KafkaTopic resources are the topics docs/events/asyncapi.yaml declares, with the same settings. */
class TopicsTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyDeclaredTopicIsAKafkaTopicWithItsPartitionsReplicasAndRetention() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("docs/events/asyncapi.yaml"))) {
            root = root.getParent();
        }
        Map<String, Object> asyncApi = new Yaml().load(Files.readString(root.resolve("docs/events/asyncapi.yaml")));
        Map<String, Map<String, Object>> declared = new HashMap<>();
        for (var channel : ((Map<String, Map<String, Object>>) asyncApi.get("channels")).values()) {
            var kafka = (Map<String, Object>) ((Map<String, Object>) channel.get("bindings")).get("kafka");
            declared.put((String) channel.get("address"), kafka);
        }

        Map<String, Map<String, Object>> resources = new HashMap<>();
        for (Object document : new Yaml().loadAll(Files.readString(root.resolve("deploy/k8s/manifests/topics.yaml")))) {
            var topic = (Map<String, Object>) document;
            assertEquals("KafkaTopic", topic.get("kind"));
            var metadata = (Map<String, Object>) topic.get("metadata");
            assertEquals("passerelle-kafka", ((Map<String, Object>) metadata.get("labels")).get("strimzi.io/cluster"));
            resources.put((String) metadata.get("name"), (Map<String, Object>) topic.get("spec"));
        }

        assertEquals(declared.keySet(), resources.keySet(), "the same topics in asyncapi.yaml and topics.yaml");
        for (var entry : declared.entrySet()) {
            var spec = resources.get(entry.getKey());
            var binding = entry.getValue();
            assertEquals(binding.get("partitions"), spec.get("partitions"), entry.getKey());
            assertEquals(binding.get("replicas"), spec.get("replicas"), entry.getKey());
            var config = (Map<String, Object>) spec.get("config");
            var declaredConfig = (Map<String, Object>) binding.get("topicConfiguration");
            assertEquals(String.valueOf(declaredConfig.get("retention.ms")), String.valueOf(config.get("retention.ms")), entry.getKey());
            assertEquals(String.join(",", (List<String>) declaredConfig.get("cleanup.policy")), config.get("cleanup.policy"), entry.getKey());
            assertTrue((Integer) spec.get("replicas") >= 3 && (Integer) config.get("min.insync.replicas") >= 2,
                    "acks=all is only as safe as the replicas: " + entry.getKey());
        }
    }
}
