package org.passerelle.devstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the launcher needs to know: folders, ports (each overridable by an environment variable) and flags. */
record LaunchSettings(Path root, Path stateDirectory, Path keycloakDistribution, Path realmFile,
                      int postgresPort, int kafkaPort, int kafkaControllerPort,
                      int keycloakPort, int keycloakManagementPort, Map<String, Integer> servicePorts, String serviceHost,
                      int originPort,
                      boolean reset, boolean empty, boolean help) {

    static final String USAGE = """
            Usage: ./deploy/run [--reset] [--empty] [--rebuild] [--help]
              --reset   forget the data of earlier runs (databases, Kafka topics, Keycloak users); keeps the downloads
              --empty   do not load the demo data (the founding agreements, catalogue and nominations)
              --rebuild build the services and the launcher again before starting (otherwise only what is missing)
              --help    this text
            One launcher runs per state folder; a service that ends on its own is started again.
            Environment:
              PASSERELLE_STATE                  state folder (default .passerelle in the repository)
              PASSERELLE_SERVICE_HOST           address the four services listen on (default 127.0.0.1; 0.0.0.0 for every interface)
              PASSERELLE_PORT                   8080  (the one origin: the four services, Swagger UI, the merged OpenAPI)
              PASSERELLE_POSTGRES_PORT          15432
              PASSERELLE_KAFKA_PORT             19092 (controller: PASSERELLE_KAFKA_CONTROLLER_PORT, 19093)
              PASSERELLE_KEYCLOAK_PORT          8180  (management: PASSERELLE_KEYCLOAK_MANAGEMENT_PORT, 9180)
              PASSERELLE_AGREEMENTS_PORT        8081
              PASSERELLE_MOBILITY_PORT          8082
              PASSERELLE_CURRICULUM_PORT        8083
              PASSERELLE_IDENTITY_PORT          8084
              PASSERELLE_SMTP_PORT              3025  (mail, read over IMAP: PASSERELLE_IMAP_PORT, 3143)""";

    static LaunchSettings from(String[] args, Map<String, String> env) {
        boolean reset = false;
        boolean empty = false;
        boolean help = false;
        for (String arg : args) {
            switch (arg) {
                case "--reset" -> reset = true;
                case "--empty" -> empty = true;
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("Unknown option " + arg + "\n" + USAGE);
            }
        }
        Path root = Path.of(System.getProperty("passerelle.root", ".")).toAbsolutePath().normalize();
        Path state = Path.of(env.getOrDefault("PASSERELLE_STATE", root.resolve(".passerelle").toString()));
        var servicePorts = new java.util.LinkedHashMap<String, Integer>();
        for (ServiceSpec spec : ServiceSpec.ALL) {
            servicePorts.put(spec.name(), port(env, spec.portVariable(), spec.defaultPort()));
        }
        return new LaunchSettings(root, state.toAbsolutePath(),
                root.resolve("deploy/devstack/target/keycloak/keycloak-quarkus-dist.zip"),
                root.resolve("deploy/keycloak/passerelle-realm.json"),
                port(env, "PASSERELLE_POSTGRES_PORT", 15432),
                port(env, "PASSERELLE_KAFKA_PORT", 19092),
                port(env, "PASSERELLE_KAFKA_CONTROLLER_PORT", 19093),
                port(env, "PASSERELLE_KEYCLOAK_PORT", 8180),
                port(env, "PASSERELLE_KEYCLOAK_MANAGEMENT_PORT", 9180),
                servicePorts, env.getOrDefault("PASSERELLE_SERVICE_HOST", "127.0.0.1"),
                port(env, "PASSERELLE_PORT", 8080), reset, empty, help);
    }

    /** How a service reaches the infrastructure, and where it listens. */
    Map<String, String> serviceEnvironment(ServiceSpec spec) {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        env.put("QUARKUS_HTTP_HOST", serviceHost);
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + spec.database());
        env.put("QUARKUS_DATASOURCE_USERNAME", PostgresNode.USER);
        env.put("QUARKUS_DATASOURCE_PASSWORD", PostgresNode.PASSWORD);
        env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + kafkaPort);
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", "http://127.0.0.1:" + keycloakPort + "/realms/passerelle");
        env.put("QUARKUS_KEYCLOAK_ADMIN_CLIENT_SERVER_URL", "http://127.0.0.1:" + keycloakPort);
        return env;
    }

    int servicePort(ServiceSpec spec) {
        return servicePorts.get(spec.name());
    }

    /** Each taken port with what it was meant for and the variable that moves it. */
    List<String> takenPorts() {
        List<String> taken = new ArrayList<>();
        check(taken, originPort, "the one origin", "PASSERELLE_PORT");
        check(taken, postgresPort, "PostgreSQL", "PASSERELLE_POSTGRES_PORT");
        check(taken, kafkaPort, "Kafka", "PASSERELLE_KAFKA_PORT");
        check(taken, kafkaControllerPort, "Kafka controller", "PASSERELLE_KAFKA_CONTROLLER_PORT");
        check(taken, keycloakPort, "Keycloak", "PASSERELLE_KEYCLOAK_PORT");
        check(taken, keycloakManagementPort, "Keycloak management", "PASSERELLE_KEYCLOAK_MANAGEMENT_PORT");
        for (ServiceSpec spec : ServiceSpec.ALL) {
            check(taken, servicePort(spec), spec.name(), spec.portVariable());
        }
        return taken;
    }

    private static void check(List<String> taken, int port, String what, String variable) {
        if (!FreePorts.isFree(port)) {
            taken.add(port + " (" + what + ", set " + variable + ")");
        }
    }

    private static int port(Map<String, String> env, String variable, int defaultPort) {
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            return defaultPort;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + "=" + value + " is not a port number (1-65535)");
        }
    }
}
