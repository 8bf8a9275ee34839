package org.passerelle.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.SessionNotCreatedException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.passerelle.devstack.ServiceSpec;
import org.passerelle.devstack.origin.OneOrigin;
import org.yaml.snakeyaml.Yaml;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web frontend's view of the platform: the four packaged services behind the one origin of ./deploy/run (the
 * devstack's {@link OneOrigin}, on the port the realm lets passerelle-web log in from), a CORS preflight from the
 * frontend's development server, the merged OpenAPI document with Swagger UI, and a real browser that logs in as a
 * coordinator with the authorization code flow and PKCE, then calls the API with the token.
 * <p>
 * The browser is Debian's headless Chromium driven by its chromedriver ({@code apt-get install -y chromium
 * chromium-driver}; .ci/run installs them). Where they are missing or cannot start, the browser test is skipped, saying why.
 */
@ExtendWith(SharedPlatform.class)
@Order(4)
class OneOriginIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final String FRONTEND = "http://localhost:5173";

    private static Platform platform;
    private static OneOrigin origin;
    private static String base;

    @BeforeAll
    static void startTheOneOrigin(Platform shared) {
        platform = shared;
        List<OneOrigin.Backend> backends = ServiceSpec.ALL.stream().map(spec -> new OneOrigin.Backend(spec.name(),
                "127.0.0.1", platform.service(spec.name()).port(), spec.apiPrefixes())).toList();
        origin = OneOrigin.start("127.0.0.1", platform.originPort, backends, platform.keycloak.realmUrl());
        base = "http://127.0.0.1:" + origin.port();
    }

    @AfterAll
    static void stopTheOneOrigin() {
        if (origin != null) {
            origin.close();
        }
    }

    /** Every API prefix of the Ingress reaches its service, which answers the frontend's preflight itself. */
    @Test
    void aPreflightFromTheFrontendsOriginSucceedsOnEveryPrefix() throws Exception {
        for (ServiceSpec spec : ServiceSpec.ALL) {
            for (String prefix : spec.apiPrefixes()) {
                var answer = HTTP.send(HttpRequest.newBuilder(URI.create(base + prefix))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", FRONTEND)
                        .header("Access-Control-Request-Method", "POST")
                        .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key").build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, answer.statusCode(), prefix + ": " + answer.body());
                assertEquals(Optional.of(FRONTEND), answer.headers().firstValue("Access-Control-Allow-Origin"), prefix);
                assertTrue(answer.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("POST"), prefix);
            }
        }
        var unrouted = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/nothing-here")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, unrouted.statusCode());
        assertEquals("urn:passerelle:problem:not-found", JSON.readTree(unrouted.body()).path("type").asText());
    }

    /** What the running services document, merged, is what docs/api/openapi.yaml says; Swagger UI shows it. */
    @Test
    void theMergedDocumentIsServedWithSwaggerUi() throws Exception {
        var document = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/q/openapi?format=json")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, document.statusCode(), document.body());
        JsonNode served = JSON.readTree(document.body());
        JsonNode committed = JSON.valueToTree(new Yaml().load(Files.readString(MergedOpenApiTest.MERGED)));
        assertEquals(committed, served, "the one origin serves what docs/api/openapi.yaml says (run MergedOpenApiTest to write it again)");
        assertTrue(served.path("paths").has("/api/institutions") && served.path("paths").has("/api/agreements"));

        var ui = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/q/swagger-ui/")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ui.statusCode());
        assertTrue(ui.body().contains("url: '/q/openapi'"), "Swagger UI reads the origin's document, the merged one");
    }

    @Test
    void aCoordinatorLogsInWithPkceAndCallsTheApi() throws Exception {
        WebDriver browser = headlessChromium();
        try {
            browser.get(base + "/");
            browser.findElement(By.id("login")).click();
            var wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
            assertTrue(browser.getCurrentUrl().startsWith(platform.keycloak.realmUrl()), browser.getCurrentUrl());
            assertTrue(browser.getCurrentUrl().contains("code_challenge_method=S256"), browser.getCurrentUrl());
            browser.findElement(By.id("username")).sendKeys("coordinator.univ-lyon1");
            browser.findElement(By.id("password")).sendKeys("demo-only-password");
            browser.findElement(By.id("kc-login")).click();

            wait.until(d -> !d.findElement(By.id("api-status")).getText().equals("not called"));
            String answer = browser.findElement(By.id("api-answer")).getText();
            assertEquals("200", browser.findElement(By.id("api-status")).getText(), answer);
            assertEquals("coordinator.univ-lyon1 (univ-lyon1.fr)", browser.findElement(By.id("user")).getText());
            assertTrue(answer.contains("\"univ-lyon1.fr\""), answer);
            assertEquals(base + "/", browser.getCurrentUrl(), "back on the one origin, the code gone from the address");
        } finally {
            browser.quit();
        }
    }

    /** Debian's Chromium and chromedriver, or a skip that says what is missing; never Selenium's own downloads. */
    private static WebDriver headlessChromium() throws Exception {
        Optional<Path> chromium = executable("chromium", "chromium-browser", "google-chrome");
        Optional<Path> driver = executable("chromedriver");
        Assumptions.assumeTrue(chromium.isPresent() && driver.isPresent(), "skipped: no headless browser on this machine "
                + "(chromium " + chromium.map(Path::toString).orElse("missing") + ", chromedriver "
                + driver.map(Path::toString).orElse("missing") + "); install them with apt-get install -y chromium chromium-driver");
        Path profile = Files.createTempDirectory(Path.of(System.getProperty("passerelle.e2e.work", "target/e2e")), "chromium-");
        ChromeOptions options = new ChromeOptions().setBinary(chromium.get().toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.get().toFile())
                .usingAnyFreePort().build();
        try {
            return new ChromeDriver(service, options);
        } catch (SessionNotCreatedException e) {
            Assumptions.abort("skipped: Chromium " + chromium.get() + " does not start here: " + e.getRawMessage());
            throw e;
        }
    }

    private static Optional<Path> executable(String... names) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .flatMap(folder -> Stream.of(names).map(name -> Path.of(folder, name)))
                .filter(Files::isExecutable).findFirst();
    }
}
