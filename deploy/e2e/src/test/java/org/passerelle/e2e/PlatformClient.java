package org.passerelle.e2e;

import org.passerelle.devstack.KafkaNode;
import org.passerelle.devstack.KeycloakNode;
import org.passerelle.devstack.PostgresNode;
import org.passerelle.devstack.ServiceProcess;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the end-to-end tests do to the running platform as a client would: tokens, GET, POST; and stopping it. */
final class PlatformClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

    private PlatformClient() {
    }

    static HttpResponse<String> get(ServiceProcess service, String path, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(service.baseUrl() + path)).timeout(Duration.ofSeconds(20)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(ServiceProcess service, String path, String token, String json) throws Exception {
        return HTTP.send(postRequest(service, path, token, json).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A POST that changes the resource at {@code resource}: sent with If-Match, the ETag read just before. */
    static HttpResponse<String> change(ServiceProcess service, String resource, String action, String token, String json)
            throws Exception {
        var current = get(service, resource, token);
        assertEquals(200, current.statusCode(), current.body());
        var request = postRequest(service, resource + action, token, json)
                .header("If-Match", current.headers().firstValue("ETag").orElseThrow());
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder postRequest(ServiceProcess service, String path, String token, String json) {
        return HttpRequest.newBuilder(URI.create(service.baseUrl() + path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(json.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    }

    /** A demo user's access token, by the password grant of the local client passerelle-cli. */
    static String token(KeycloakNode keycloak, String username) throws Exception {
        String form = "grant_type=password&client_id=passerelle-cli&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=demo-only-password";
        var response = HTTP.send(HttpRequest.newBuilder(URI.create(keycloak.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return field(response.body(), "access_token");
    }

    /** A string field of a JSON answer. */
    static String field(String json, String name) {
        var matcher = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        assertTrue(matcher.find(), name + " in " + json);
        return matcher.group(1);
    }

    /** Stops what was started, services first, so that no process or port outlives the test. */
    static void stopAll(ServiceProcess[] services, KeycloakNode keycloak, KafkaNode kafka, PostgresNode postgres) {
        for (ServiceProcess service : services) {
            if (service != null) {
                service.stop(Duration.ofSeconds(20));
            }
        }
        if (keycloak != null) {
            keycloak.stop();
        }
        if (kafka != null) {
            kafka.stop();
        }
        if (postgres != null) {
            postgres.stop();
        }
    }
}
