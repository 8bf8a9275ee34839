package org.passerelle.devstack.testing;

import io.restassured.RestAssured;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fails a test whose request the service answers outside its own OpenAPI document ({@link OpenApiResponses} says
 * what is checked): the document is read once per service address from {@code /q/openapi?format=json}, and every
 * answer RestAssured receives, problem+json included, is checked against it. The service's own {@code /q/*}
 * endpoints (health, metrics, the document) are not operations of the document and are not checked.
 * <p>
 * {@link #register()} adds it to RestAssured's global filters; {@link OpenApiResponseCheck} does so before every
 * Quarkus test of a module that lists it in META-INF/services.
 */
public final class OpenApiResponseFilter implements OrderedFilter {

    private static final Map<String, OpenApiResponses> DOCUMENTS = new ConcurrentHashMap<>();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Adds the filter to RestAssured's global filters unless it is there already. */
    public static void register() {
        if (RestAssured.filters().stream().noneMatch(OpenApiResponseFilter.class::isInstance)) {
            RestAssured.filters(new OpenApiResponseFilter());
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification expected, FilterContext context) {
        Response response = context.next(request, expected);
        URI uri = URI.create(request.getURI());
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (path.startsWith("/q/") || uri.getPort() != RestAssured.port) {
            // only the service under test (RestAssured's port): a test's calls to Keycloak or to a stand-in
            // for another party are not answers of this document
            return response;
        }
        String origin = uri.getScheme() + "://" + uri.getRawAuthority();
        List<String> findings = DOCUMENTS.computeIfAbsent(origin, OpenApiResponseFilter::read).findings(request.getMethod(), path,
                response.statusCode(), response.headers().asList().stream().map(Header::getName).toList(),
                response.contentType(), response.asString());
        if (!findings.isEmpty()) {
            throw new AssertionError("the answer leaves the service's OpenAPI document:\n  " + String.join("\n  ", findings)
                    + "\nbody: " + abbreviate(response.asString()));
        }
        return response;
    }

    /** Last among the filters, next to the network: it sees the answer as the service sent it. */
    @Override
    public int getOrder() {
        return Integer.MAX_VALUE - 1;
    }

    private static OpenApiResponses read(String origin) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(origin + "/q/openapi?format=json"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new AssertionError("no OpenAPI document at " + origin + "/q/openapi: " + answer.statusCode());
            }
            return OpenApiResponses.of(answer.body());
        } catch (IOException e) {
            throw new AssertionError("no OpenAPI document at " + origin + "/q/openapi: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted reading " + origin + "/q/openapi", e);
        }
    }

    private static String abbreviate(String body) {
        return body.length() > 600 ? body.substring(0, 600) + "..." : body;
    }
}
