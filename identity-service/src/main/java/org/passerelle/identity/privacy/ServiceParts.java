package org.passerelle.identity.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.passerelle.identity.IdentityProblems;
import org.passerelle.runtime.problem.ProblemException;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Asks another service for its part of a person's data, with the caller's own token: the service applies its own
 * rules to that caller (the international office sees all, a student only what is theirs), so identity-service
 * never reads more than its caller may. A service that does not answer fails the export, naming it.
 */
@ApplicationScoped
public class ServiceParts {

    private static final Logger LOG = Logger.getLogger(ServiceParts.class);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "passerelle.export.agreements-url")
    String agreements;

    @ConfigProperty(name = "passerelle.export.mobility-url")
    String mobility;

    @ConfigProperty(name = "passerelle.export.curriculum-url")
    String curriculum;

    public JsonNode of(String service, String path, Map<String, List<String>> query, String bearer) {
        String url = base(service) + path + "?" + query.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(v -> e.getKey() + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)))
                .collect(Collectors.joining("&"));
        try {
            var response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + bearer).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                LOG.warnf("%s answered %d to the export: %s", service, response.statusCode(), response.body());
                throw new ProblemException(IdentityProblems.EXPORT_INCOMPLETE, service);
            }
            return json.readTree(response.body());
        } catch (ProblemException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(IdentityProblems.EXPORT_INCOMPLETE, service);
        } catch (Exception e) {
            LOG.warnf("%s could not be asked for its part of an export: %s", service, e.toString());
            throw new ProblemException(IdentityProblems.EXPORT_INCOMPLETE, service);
        }
    }

    private String base(String service) {
        return switch (service) {
            case "agreements-service" -> agreements;
            case "mobility-service" -> mobility;
            case "curriculum-service" -> curriculum;
            default -> throw new IllegalArgumentException(service);
        };
    }
}
