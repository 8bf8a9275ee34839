package org.passerelle.devstack.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which bearer tokens a protected read of a running service accepts: only a valid one, of the realm's issuer,
 * for the audience passerelle-api, unexpired and correctly signed (401 with a Bearer challenge otherwise), and
 * only with a role the read allows (403 otherwise). The same read with a valid token is served, so the refusals
 * are about the token and not about the request.
 */
public final class TokenChecks {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final URI target;

    private TokenChecks(URI target) {
        this.target = target;
    }

    /** @param target a GET that the role given to {@link #verify} may call, e.g. {@code root.resolve("/api/agreements")} */
    public static TokenChecks against(URI target) {
        return new TokenChecks(target);
    }

    /**
     * @param role        a role the read allows
     * @param refusedRole a role it does not allow
     * @param institution the callers' institution
     */
    public void verify(String role, String refusedRole, String institution) {
        List<String> failures = new ArrayList<>();
        int valid = status(TestTokens.of(role, institution), null);
        if (valid < 200 || valid >= 300) {
            failures.add("a valid " + role + " token: expected 2xx, got " + valid);
        }
        Map<String, String> unauthenticated = new LinkedHashMap<>();
        unauthenticated.put("a token for another audience", TestTokens.forAudience("account", role, institution));
        unauthenticated.put("a token of another realm", TestTokens.fromIssuer(TestTokens.ISSUER + "/realms/other", role, institution));
        unauthenticated.put("a token of another server", TestTokens.fromIssuer("https://login.example.org", role, institution));
        unauthenticated.put("an expired token", TestTokens.expired(role, institution));
        unauthenticated.put("a token with a bad signature", TestTokens.withBadSignature(role, institution));
        unauthenticated.put("no token", null);
        for (var token : unauthenticated.entrySet()) {
            List<String> challenge = new ArrayList<>();
            int status = status(token.getValue(), challenge);
            if (status != 401 || challenge.stream().noneMatch(value -> value.startsWith("Bearer"))) {
                failures.add(token.getKey() + ": expected 401 with WWW-Authenticate: Bearer, got " + status + " " + challenge);
            }
        }
        int forbidden = status(TestTokens.of(refusedRole, institution), null);
        if (forbidden != 403) {
            failures.add("a valid " + refusedRole + " token, a role the read does not allow: expected 403, got " + forbidden);
        }
        if (!failures.isEmpty()) {
            throw new AssertionError("GET " + target.getPath() + ":\n  " + String.join("\n  ", failures));
        }
    }

    private int status(String token, List<String> challenge) {
        var request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(20)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            if (challenge != null) {
                challenge.addAll(response.headers().allValues("WWW-Authenticate"));
            }
            return response.statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
