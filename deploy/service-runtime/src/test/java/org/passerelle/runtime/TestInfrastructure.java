package org.passerelle.runtime;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.passerelle.devstack.testing.KafkaResource;
import org.passerelle.devstack.testing.PostgresResource;

@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
public class TestInfrastructure {
}
