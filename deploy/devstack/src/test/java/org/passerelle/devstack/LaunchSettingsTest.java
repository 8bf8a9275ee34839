package org.passerelle.devstack;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LaunchSettingsTest {

    @Test
    void defaultsAreTheDocumentedPorts() {
        var settings = LaunchSettings.from(new String[0], Map.of());
        assertEquals(15432, settings.postgresPort());
        assertEquals(19092, settings.kafkaPort());
        assertEquals(8180, settings.keycloakPort());
        assertEquals(8081, settings.servicePort(ServiceSpec.named("agreements-service")));
        assertEquals(8084, settings.servicePort(ServiceSpec.named("identity-service")));
        assertEquals(8080, settings.originPort());
    }

    @Test
    void portsMoveByEnvironmentAndBadValuesAreNamed() {
        var settings = LaunchSettings.from(new String[] {"--reset"}, Map.of("PASSERELLE_MOBILITY_PORT", "9082"));
        assertEquals(9082, settings.servicePort(ServiceSpec.named("mobility-service")));
        assertTrue(settings.reset());
        var error = assertThrows(IllegalArgumentException.class,
                () -> LaunchSettings.from(new String[0], Map.of("PASSERELLE_KEYCLOAK_PORT", "eighty")));
        assertTrue(error.getMessage().contains("PASSERELLE_KEYCLOAK_PORT"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LaunchSettings.from(new String[] {"--fast"}, Map.of()));
    }

    @Test
    void aTakenPortIsNamedWithWhatItWasForAndHowToMoveIt() throws Exception {
        try (var taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            var settings = LaunchSettings.from(new String[0],
                    Map.of("PASSERELLE_CURRICULUM_PORT", String.valueOf(taken.getLocalPort())));
            var report = settings.takenPorts();
            assertTrue(report.stream().anyMatch(line -> line.startsWith(taken.getLocalPort() + " (curriculum-service, set PASSERELLE_CURRICULUM_PORT)")),
                    report.toString());
        }
    }

    @Test
    void servicesListenOnLoopbackUnlessToldOtherwise() {
        var mobility = ServiceSpec.named("mobility-service");
        assertEquals("127.0.0.1", LaunchSettings.from(new String[0], Map.of()).serviceEnvironment(mobility).get("QUARKUS_HTTP_HOST"));
        assertEquals("0.0.0.0", LaunchSettings.from(new String[0], Map.of("PASSERELLE_SERVICE_HOST", "0.0.0.0"))
                .serviceEnvironment(mobility).get("QUARKUS_HTTP_HOST"));
    }

    /** The README sends a new user to --help for the options it names: each must be there. */
    @Test
    void theHelpListsEveryOptionTheReadmeNames() throws Exception {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("../../README.md"));
        var options = java.util.regex.Pattern.compile("`(?:\\./deploy/run )?(--[a-z-]+)`").matcher(readme)
                .results().map(m -> m.group(1)).distinct().toList();
        assertTrue(options.containsAll(java.util.List.of("--reset", "--empty", "--rebuild", "--help")), options.toString());
        for (String option : options) {
            assertTrue(LaunchSettings.USAGE.contains("\n  " + option + " "), option + " is missing from:\n" + LaunchSettings.USAGE);
        }
        for (var line : readme.lines().filter(l -> l.contains("PASSERELLE_")).toList()) {
            var variable = java.util.regex.Pattern.compile("PASSERELLE_[A-Z_]+").matcher(line);
            while (variable.find()) {
                assertTrue(LaunchSettings.USAGE.contains(variable.group()), variable.group() + " is missing from --help");
            }
        }
    }
}
