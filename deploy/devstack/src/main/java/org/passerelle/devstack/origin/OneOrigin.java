package org.passerelle.devstack.origin;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.httpproxy.HttpProxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The four services behind one origin, as the Kubernetes Ingress (deploy/k8s/manifests/ingress.yaml) puts them: each
 * API prefix goes to the service that owns it, through Vert.x's reverse proxy (vertx-http-proxy), which keeps the
 * Host header so that the services' Location headers name this origin. Besides, this origin serves what the web
 * frontend needs to start:
 * <ul>
 *   <li>{@code /q/openapi}: the merged OpenAPI document of the four services ({@link MergedOpenApi}, YAML, or JSON
 *       with {@code ?format=json}), merged from their running documents on first use;</li>
 *   <li>{@code /q/swagger-ui/}: Swagger UI, the one a service ships (it reads {@code /q/openapi} of the origin it is
 *       served from, here the merged document);</li>
 *   <li>{@code /}: a small page that logs in with the authorization code flow and PKCE (client passerelle-web) and
 *       calls the API with the token: the least a single-page application does.</li>
 * </ul>
 * CORS is the services' own (quarkus.http.cors in the service runtime): a preflight is proxied like any request.
 */
public final class OneOrigin implements AutoCloseable {

    private static final String SWAGGER_UI = "/q/swagger-ui";
    private static final String NOT_FOUND = """
            {"type":"urn:passerelle:problem:not-found","title":"Not found","status":404,"detail":"No service answers at %s"}""";

    /** A service behind this origin: where it listens and the API prefixes it owns. */
    public record Backend(String name, String host, int port, List<String> apiPrefixes) {
    }

    private final Vertx vertx;
    private final HttpServer server;
    private final List<Route> routes;
    private final Backend swaggerUi;
    private final List<Backend> backends;
    private final String loginPage;
    private final HttpClient documents = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private volatile MergedOpenApi merged;

    private record Route(String prefix, Backend backend) {
        boolean matches(String path) {
            return path.equals(prefix) || path.startsWith(prefix + "/") || path.startsWith(prefix + "?");
        }
    }

    private OneOrigin(Vertx vertx, HttpServer server, List<Backend> backends, String realmUrl) {
        this.vertx = vertx;
        this.server = server;
        this.backends = List.copyOf(backends);
        this.routes = backends.stream().flatMap(b -> b.apiPrefixes().stream().map(p -> new Route(p, b)))
                .sorted(Comparator.comparingInt((Route r) -> r.prefix().length()).reversed()).toList();
        this.swaggerUi = backends.get(0);
        this.loginPage = resource("login.html").replace("{{realm}}", realmUrl);
    }

    /**
     * Starts listening on {@code host:port} (port 0: any free port) and routes to the backends; {@code realmUrl}
     * is the Keycloak realm the login page signs in with.
     */
    public static OneOrigin start(String host, int port, List<Backend> backends, String realmUrl) {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setWorkerPoolSize(2));
        var client = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(50).setKeepAlive(true));
        HttpProxy proxy = HttpProxy.reverseProxy(client);
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port));
        OneOrigin origin = new OneOrigin(vertx, server, backends, realmUrl);
        proxy.originSelector(request -> Future.succeededFuture(origin.backendOf(request.path())
                .map(b -> SocketAddress.inetSocketAddress(b.port(), b.host())).orElseThrow()));
        server.requestHandler(request -> origin.handle(request, proxy));
        try {
            server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            vertx.close();
            throw new IllegalStateException("the one origin cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        return origin;
    }

    public int port() {
        return server.actualPort();
    }

    private void handle(HttpServerRequest request, HttpProxy proxy) {
        String path = request.path();
        if (backendOf(path).isPresent()) {
            proxy.handle(request);
        } else if (path.equals("/q/openapi")) {
            serveMergedDocument(request);
        } else if (path.equals("/") || path.equals("/index.html")) {
            request.response().putHeader("Content-Type", "text/html; charset=UTF-8")
                    .putHeader("Cache-Control", "no-store").end(loginPage);
        } else {
            request.response().setStatusCode(404).putHeader("Content-Type", "application/problem+json")
                    .end(NOT_FOUND.formatted(path.replace("\"", "")));
        }
    }

    /** The service that answers at this path: the one owning its API prefix, and Swagger UI's. */
    private Optional<Backend> backendOf(String path) {
        if (path.equals(SWAGGER_UI) || path.startsWith(SWAGGER_UI + "/")) {
            return Optional.of(swaggerUi);
        }
        return routes.stream().filter(r -> r.matches(path)).map(Route::backend).findFirst();
    }

    private void serveMergedDocument(HttpServerRequest request) {
        boolean json = "json".equals(request.getParam("format"))
                || String.valueOf(request.getHeader("Accept")).contains("application/json");
        vertx.executeBlocking(() -> json ? mergedDocument().json() : mergedDocument().yaml(), false)
                .onSuccess(body -> request.response()
                        .putHeader("Content-Type", json ? "application/json; charset=UTF-8" : "application/yaml; charset=UTF-8")
                        .putHeader("Access-Control-Allow-Origin", "*").end(body))
                .onFailure(e -> request.response().setStatusCode(503).putHeader("Content-Type", "application/problem+json")
                        .end("{\"type\":\"urn:passerelle:problem:dependency-unavailable\",\"title\":\"Service unavailable\","
                                + "\"status\":503,\"detail\":" + quoted(e.getMessage()) + "}"));
    }

    /** Merged once all four documents could be read; until then each request tries again. */
    MergedOpenApi mergedDocument() throws IOException, InterruptedException {
        MergedOpenApi document = merged;
        if (document == null) {
            Map<String, String> byService = new LinkedHashMap<>();
            for (Backend backend : backends) {
                byService.put(backend.name(), readDocument(backend));
            }
            document = merged = MergedOpenApi.of(byService);
        }
        return document;
    }

    private String readDocument(Backend backend) throws IOException, InterruptedException {
        var response = documents.send(HttpRequest.newBuilder(URI.create("http://" + backend.host() + ":" + backend.port()
                + "/q/openapi?format=json")).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(backend.name() + " answered " + response.statusCode() + " for its OpenAPI document");
        }
        return response.body();
    }

    private static String quoted(String text) {
        return "\"" + String.valueOf(text).replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static String resource(String name) {
        try (InputStream in = OneOrigin.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no " + name + " beside " + OneOrigin.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the JVM ends soon after anyway
        }
    }
}
