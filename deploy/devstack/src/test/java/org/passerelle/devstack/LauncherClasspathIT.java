package org.passerelle.devstack;

import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ./deploy/run starts the launcher with the packaged jar and target/lib only, not the test classpath: a
 * dependency that reaches tests but not lib (a provided scope, say) breaks the run command and nothing else.
 * This starts and stops the Kafka broker and PostgreSQL from exactly that classpath.
 */
class LauncherClasspathIT {

    @Test
    void theNodesStartFromThePackagedJarAndItsLibFolder() throws Exception {
        List<URL> classpath = launcherClasspath();
        var previous = Thread.currentThread().getContextClassLoader();
        try (var launcherLoader = new URLClassLoader(classpath.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Thread.currentThread().setContextClassLoader(launcherLoader);
            for (String node : List.of("org.passerelle.devstack.KafkaNode", "org.passerelle.devstack.PostgresNode")) {
                Class<?> type = launcherLoader.loadClass(node);
                assertTrue(type.getClassLoader() == launcherLoader, node + " must come from the packaged jar");
                Object started = type.getMethod("temporary").invoke(null);
                type.getMethod("start").invoke(started);
                type.getMethod("close").invoke(started);
            }
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /** The demo data is read from the services' JSON answers (FoundingStory through Api), on the same classpath. */
    @Test
    void theDemoDataReadsJsonAnswersFromThePackagedJarAndItsLibFolder() throws Exception {
        try (var launcherLoader = new URLClassLoader(launcherClasspath().toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Class<?> answer = launcherLoader.loadClass("org.passerelle.devstack.demo.Api$Answer");
            Object created = answer.getConstructor(int.class, String.class, String.class)
                    .newInstance(201, "{\"status\":\"ACTIVE\",\"amendment\":{\"contentHash\":\"b2\"},\"contentHash\":\"a1\"}", null);
            assertEquals("b2", answer.getMethod("text", String.class).invoke(created, "/amendment/contentHash"));
        }
    }

    private static List<URL> launcherClasspath() throws Exception {
        Path target = Path.of("target");
        List<URL> classpath = new ArrayList<>();
        classpath.add(target.resolve("passerelle-devstack.jar").toUri().toURL());
        try (var jars = Files.list(target.resolve("lib"))) {
            for (Path jar : jars.toList()) {
                classpath.add(jar.toUri().toURL());
            }
        }
        return classpath;
    }
}
