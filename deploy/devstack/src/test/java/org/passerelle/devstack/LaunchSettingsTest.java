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
}
