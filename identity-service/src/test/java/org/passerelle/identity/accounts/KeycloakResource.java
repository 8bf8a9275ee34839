package org.passerelle.identity.accounts;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.passerelle.devstack.FreePorts;
import org.passerelle.devstack.KeycloakNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A real Keycloak with the passerelle realm, started from the distribution zip like the devstack does. The service
 * validates tokens it issues and provisions accounts in it with the passerelle-identity client.
 */
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {

    private static KeycloakNode node;

    @Override
    public Map<String, String> start() {
        Path home = Path.of(property("passerelle.keycloak.home", "target/keycloak-it"));
        node = new KeycloakNode(
                Path.of(property("passerelle.keycloak.distribution", "../deploy/devstack/target/keycloak/keycloak-quarkus-dist.zip")),
                home, FreePorts.next(), FreePorts.next(),
                Path.of(property("passerelle.keycloak.realm", "../deploy/keycloak/passerelle-realm.json")),
                home.resolve("keycloak.log"));
        long started = System.nanoTime();
        node.start();
        node.awaitReady(Duration.ofMinutes(5));
        System.out.printf("Keycloak ready in %.1f s at %s%n", (System.nanoTime() - started) / 1e9, node.realmUrl());
        String server = node.realmUrl().substring(0, node.realmUrl().indexOf("/realms/"));
        return Map.of(
                "quarkus.keycloak.admin-client.server-url", server,
                "quarkus.oidc.auth-server-url", node.realmUrl());
    }

    @Override
    public void stop() {
        if (node != null) {
            node.stop();
        }
    }

    /** The token endpoint of the realm, for the tests' own grants. */
    public static String tokenUrl() {
        return node.tokenUrl();
    }

    private static String property(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
