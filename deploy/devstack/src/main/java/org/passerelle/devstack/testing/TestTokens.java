package org.passerelle.devstack.testing;

import io.smallrye.jwt.build.Jwt;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Bearer tokens for service tests, shaped like the realm's: roles in realm_access.roles, the caller's
 * institution (SCHAC code) in the "institution" claim, audience passerelle-api. They are signed with the key
 * of quarkus-test-oidc-server (OidcWiremockTestResource), whose issuer they name.
 */
public final class TestTokens {

    public static final String ISSUER = "https://server.example.com";
    public static final String AUDIENCE = "passerelle-api";

    private TestTokens() {
    }

    public static String of(String role, String institution) {
        return build(AUDIENCE, ISSUER, institution, role);
    }

    /** A staff token whose account names no institution: services must let it act for none. */
    public static String withoutInstitution(String role) {
        return build(AUDIENCE, ISSUER, null, role);
    }

    /** A token for another audience: services must refuse it. */
    public static String forAudience(String audience, String role, String institution) {
        return build(audience, ISSUER, institution, role);
    }

    /** A token of another issuer (another realm or server): services must refuse it. */
    public static String fromIssuer(String issuer, String role, String institution) {
        return build(AUDIENCE, issuer, institution, role);
    }

    /** A valid token whose signature was altered: services must refuse it. */
    public static String withBadSignature(String role, String institution) {
        String token = of(role, institution);
        int cut = token.lastIndexOf('.') + 1;
        String signature = token.substring(cut);
        char first = signature.charAt(0) == 'A' ? 'B' : 'A';
        return token.substring(0, cut) + first + signature.substring(1);
    }

    public static String expired(String role, String institution) {
        long now = System.currentTimeMillis() / 1000;
        return Jwt.preferredUserName(role + "." + institution)
                .issuer(ISSUER).audience(AUDIENCE)
                .claim("realm_access", Map.of("roles", List.of(role)))
                .claim("institution", institution)
                .issuedAt(now - 7200).expiresAt(now - 3600)
                .jws().keyId("1").sign();
    }

    /** Without an institution, the token has no "institution" claim at all (not one that is null). */
    private static String build(String audience, String issuer, String institution, String... roles) {
        var claims = Jwt.preferredUserName(roles[0] + "." + institution)
                .subject(UUID.randomUUID().toString())
                .issuer(issuer)
                .audience(audience)
                .claim("realm_access", Map.of("roles", List.of(roles)));
        if (institution != null) {
            claims.claim("institution", institution);
        }
        return claims.jws().keyId("1").sign();
    }
}
