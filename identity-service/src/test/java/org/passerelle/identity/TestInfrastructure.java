package org.passerelle.identity;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.passerelle.devstack.testing.KafkaResource;
import org.passerelle.devstack.testing.MailResource;
import org.passerelle.devstack.testing.PostgresResource;

/** Real PostgreSQL, Kafka and SMTP server for every test of this service; tokens signed by the OIDC test server. */
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "identity"))
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MailResource.class)
public class TestInfrastructure {
}
