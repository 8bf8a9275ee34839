package org.passerelle.devstack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The event catalogue in docs/events as the services' contract tests read it: an event type
 * passerelle.agreements.AgreementActivated.v1 has its schema in docs/events/agreements/AgreementActivated.v1.schema.json,
 * with at least one example.
 */
public final class EventContracts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private EventContracts() {
    }

    /** The reasons the data does not match the type's schema; empty when it does. */
    public static List<String> violations(String cloudEventType, String data) {
        try {
            return schema(cloudEventType).validate(JSON.readTree(data)).stream().map(Object::toString).toList();
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
    }

    /** The first example of the type's schema, as JSON text. */
    public static String example(String cloudEventType) {
        JsonNode examples = read(schemaFile(cloudEventType)).get("examples");
        if (examples == null || examples.isEmpty()) {
            throw new AssertionError(schemaFile(cloudEventType) + " has no example");
        }
        return examples.get(0).toString();
    }

    /**
     * The CloudEvents types of the payload records annotated with @EventType among the compiled classes of
     * a service (its target/classes), for checking that each has a schema.
     */
    public static List<String> publishedTypes(Path classesDirectory, String service) throws IOException {
        List<String> types = new ArrayList<>();
        boolean auditsReads = false;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (Stream<Path> files = Files.walk(classesDirectory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classesDirectory.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                try {
                    Class<?> type = Class.forName(name, false, loader);
                    eventType(type, service).ifPresent(types::add);
                    auditsReads |= Stream.of(type.getDeclaredMethods()).flatMap(m -> Stream.of(m.getAnnotations()))
                            .anyMatch(a -> a.annotationType().getName().equals("org.passerelle.runtime.privacy.AuditedRead"));
                } catch (ReflectiveOperationException | LinkageError unreadable) {
                    // not a class this check needs
                }
            }
        }
        if (auditsReads) { // the runtime publishes PersonalDataRead for the service's @AuditedRead methods
            try {
                eventType(Class.forName("org.passerelle.runtime.privacy.PersonalDataRead", false, loader), service).ifPresent(types::add);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("The service audits reads but the runtime's PersonalDataRead is missing", e);
            }
        }
        return types;
    }

    /** passerelle.&lt;service&gt;.&lt;name&gt;.v&lt;version&gt; of an @EventType payload class. */
    private static java.util.Optional<String> eventType(Class<?> type, String service) throws ReflectiveOperationException {
        for (Annotation annotation : type.getAnnotations()) {
            if (annotation.annotationType().getName().equals("org.passerelle.runtime.events.EventType")) {
                var annotationType = annotation.annotationType();
                return java.util.Optional.of("passerelle." + service + "." + annotationType.getMethod("name").invoke(annotation)
                        + ".v" + annotationType.getMethod("version").invoke(annotation));
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * Fails unless every @EventType payload compiled into the service (its target/classes) has its schema in
     * docs/events with a valid example: a new event type without a schema fails the build. Returns the types.
     */
    public static List<String> assertEveryPublishedTypeHasItsSchema(String service) throws IOException {
        return assertEveryPublishedTypeHasItsSchema(Path.of("target/classes"), service);
    }

    static List<String> assertEveryPublishedTypeHasItsSchema(Path classesDirectory, String service) throws IOException {
        List<String> types = publishedTypes(classesDirectory, service);
        for (String type : types) {
            if (!Files.exists(schemaFile(type))) {
                throw new AssertionError("No schema for " + type + ": add " + schemaFile(type));
            }
            List<String> problems = violations(type, example(type));
            if (!problems.isEmpty()) {
                throw new AssertionError("The example of " + type + " does not match its schema: " + problems);
            }
        }
        return types;
    }

    public static Path schemaFile(String cloudEventType) {
        String[] parts = cloudEventType.split("\\.");
        if (parts.length != 4 || !parts[0].equals("passerelle")) {
            throw new IllegalArgumentException("Not a Passerelle event type: " + cloudEventType);
        }
        return catalogue().resolve(parts[1]).resolve(parts[2] + "." + parts[3] + ".schema.json");
    }

    /** docs/events of the repository, found from the working folder of the test upwards. */
    public static Path catalogue() {
        Path asyncApi = org.passerelle.devstack.EventTopics.catalogueFrom(Path.of(""));
        if (asyncApi == null) {
            throw new IllegalStateException("docs/events not found above " + Path.of("").toAbsolutePath());
        }
        return asyncApi.getParent();
    }

    private static JsonSchema schema(String cloudEventType) {
        Path file = schemaFile(cloudEventType);
        if (!Files.exists(file)) {
            throw new AssertionError("No schema for " + cloudEventType + ": expected " + file);
        }
        return SCHEMAS.getSchema(read(file));
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
