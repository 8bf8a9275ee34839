package org.passerelle.devstack;

import java.util.List;

/** The four services: where each is built, its local port, its database and the API paths it owns. */
public record ServiceSpec(String name, int defaultPort, String database, List<String> apiPrefixes) {

    public static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec("agreements-service", 8081, "agreements", List.of("/api/agreements", "/api/targets", "/api/ewp/iias")),
            new ServiceSpec("mobility-service", 8082, "mobility", List.of("/api/mobilities", "/api/statistics", "/api/ewp/omobilities")),
            new ServiceSpec("curriculum-service", 8083, "curriculum", List.of("/api/catalogue", "/api/credit-conversions", "/api/grading-scales", "/api/grade-distributions", "/api/grade-conversion-tables", "/api/grade-conversions", "/api/transcripts", "/api/ewp/imobility-tors")),
            new ServiceSpec("identity-service", 8084, "identity",
                    List.of("/api/institutions", "/api/people", "/api/accounts", "/api/integration-clients", "/api/audit-log",
                            "/api/webhooks")));

    public String runJar() {
        return name + "/target/quarkus-app/quarkus-run.jar";
    }

    /** PASSERELLE_AGREEMENTS_PORT for agreements-service, and so on. */
    public String portVariable() {
        return "PASSERELLE_" + name.replace("-service", "").toUpperCase() + "_PORT";
    }

    public static ServiceSpec named(String name) {
        return ALL.stream().filter(s -> s.name.equals(name)).findFirst().orElseThrow();
    }

    public static List<String> databases() {
        return ALL.stream().map(ServiceSpec::database).toList();
    }
}
