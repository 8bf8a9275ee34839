package org.passerelle.e2e;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.passerelle.devstack.KeycloakNode;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The one platform the end-to-end classes share in a test JVM: Keycloak and the four packaged services take a
 * minute or more to start on two cores, so they start once, for the first class that asks, and stop when every
 * class has run (JUnit closes its root store then).
 *
 * <p>A class declares {@code @ExtendWith(SharedPlatform.class)} and takes the started {@link Platform} as a
 * parameter of its {@code @BeforeAll} method, or the platform's {@link KeycloakNode}, started or not, to start
 * it itself. The classes run in the order of their {@code @Order} (src/test/resources/junit-platform.properties):
 * first the one that starts a service before Keycloak, then those that need an empty or a consistent platform,
 * last the one that stops Kafka and the services. Each class makes its own agreements, people and sessions, and
 * leaves the platform running.
 */
final class SharedPlatform implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedPlatform.class);
    private static final Path WORK = Path.of(System.getProperty("passerelle.e2e.work", "target/e2e")).resolve("platform");

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Platform.class || type == KeycloakNode.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Shared shared = context.getRoot().getStore(NAMESPACE).computeIfAbsent(Shared.class, type -> new Shared(), Shared.class);
        return parameter.getParameter().getType() == KeycloakNode.class ? shared.platform.keycloak : shared.started();
    }

    /** The platform, and why it did not start if it did not: the next class then fails at once instead of waiting again. */
    private static final class Shared implements AutoCloseable {

        private final Platform platform;
        private Throwable failure;

        Shared() {
            try {
                platform = new Platform(WORK);
            } catch (Exception e) {
                throw new IllegalStateException("cannot prepare the platform under " + WORK, e);
            }
        }

        synchronized Platform started() {
            if (failure != null) {
                throw new IllegalStateException("the shared platform did not start; see the first class's failure", failure);
            }
            if (platform.isStarted()) {
                return platform;
            }
            long start = System.nanoTime();
            try {
                platform.start();
            } catch (Exception | AssertionError e) {
                failure = e;
                throw new IllegalStateException("the shared platform did not start", e);
            }
            System.out.printf("[platform] Keycloak, PostgreSQL, Kafka and the four services ready in %d s%n",
                    Duration.ofNanos(System.nanoTime() - start).toSeconds());
            return platform;
        }

        @Override
        public void close() {
            platform.close();
        }
    }
}
