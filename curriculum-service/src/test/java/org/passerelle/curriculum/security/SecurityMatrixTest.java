package org.passerelle.curriculum.security;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.passerelle.curriculum.Fixtures;
import org.passerelle.devstack.testing.OpenApiMatrix;
import org.passerelle.devstack.testing.TokenChecks;

import java.net.URI;
import java.util.UUID;

/**
 * Every operation of the OpenAPI document against every role, a foreign institution and no token. The catalogue
 * is read by every institution, so no object here is hidden from one (holders' personal data is hidden per hold,
 * which HoldersTest checks); but another institution's callers change none of SJTUSM's items and sessions.
 */
@QuarkusTest
class SecurityMatrixTest {

    @TestHTTPResource("/")
    URI root;

    @Test
    void everyOperationAnswersEachCallerAsItsRolesAllow() {
        String item = Fixtures.publish(Fixtures.summerProgramme("Matrix " + UUID.randomUUID()));
        String session = Fixtures.openSession(item, "2026/2027", "2027-07-01", "2027-07-28", 20);
        OpenApiMatrix.of(root, "sjtu.edu.cn", "u-paris.fr")
                .changedOnlyBy("sjtu.edu.cn", "/api/catalogue/{id}", item)
                .changedOnlyBy("sjtu.edu.cn", "/api/catalogue/sessions/{id}", session)
                .verify();
    }

    @Test
    void onlyAValidTokenWithAnAllowedRoleIsServed() {
        String item = Fixtures.publish(Fixtures.summerProgramme("Token checks " + UUID.randomUUID()));
        String session = Fixtures.openSession(item, "2026/2027", "2027-07-01", "2027-07-28", 20);
        TokenChecks.against(root.resolve("/api/catalogue/sessions/" + session + "/holders"))
                .verify("coordinator", "student", "univ-lyon1.fr");
    }
}
