package org.passerelle.identity.accounts;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;

/** Tests against a real Keycloak: tokens it signs, accounts and clients provisioned in it. */
public class RealKeycloak implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(KeycloakResource.class));
    }
}
