package org.passerelle.devstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.ToolProvider;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A service that ends on its own is reported and started again, with a delay that grows. */
class ServiceSupervisorTest {

    @Test
    void aServiceThatEndsIsReportedAndStartedAgain(@TempDir Path folder) throws Exception {
        Path jar = jarThatPrintsAndEnds(folder, 3);
        var service = new ServiceProcess("mobility-service", jar, FreePorts.next(), Map.of(), folder.resolve("mobility-service.log"));
        List<String> reports = new ArrayList<>();
        service.start();
        long startedAt = System.nanoTime();
        var supervisor = new ServiceSupervisor(service, reports::add, startedAt);

        await().atMost(Duration.ofSeconds(30)).until(() -> !service.isAlive());
        supervisor.check(System.nanoTime());
        assertTrue(reports.get(0).startsWith("mobility-service ended with code 3"), reports.toString());
        assertTrue(reports.get(0).contains("starting it again in 1 s (restart 1)"), reports.toString());

        supervisor.check(System.nanoTime() + Duration.ofSeconds(2).toNanos()); // the delay has passed
        assertEquals("starting mobility-service again on port " + service.port(), reports.get(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.readAllLines(service.logFile()).size() == 2);
        assertEquals(List.of("started", "started"), Files.readAllLines(service.logFile()));

        await().atMost(Duration.ofSeconds(30)).until(() -> !service.isAlive());
        supervisor.check(System.nanoTime() + Duration.ofSeconds(3).toNanos());
        assertTrue(reports.get(2).contains("starting it again in 2 s (restart 2)"), "the delay doubles: " + reports);
    }

    @Test
    void theDelayDoublesUpToAMinuteAndStartsOverAfterAStableRun() {
        var policy = new RestartPolicy();
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            delays.add(policy.delayAfter(Duration.ofSeconds(5)).toSeconds());
        }
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L), delays);
        assertEquals(1, policy.delayAfter(Duration.ofMinutes(10)).toSeconds());
        assertEquals(9, policy.restarts());
    }

    /** A stand-in for a service's quarkus-run.jar: prints a line and exits with the code given. */
    private static Path jarThatPrintsAndEnds(Path folder, int exitCode) throws Exception {
        Path source = folder.resolve("Ends.java");
        Files.writeString(source, "public class Ends { public static void main(String[] a) {"
                + " System.out.println(\"started\"); System.exit(" + exitCode + "); } }");
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", folder.toString(), source.toString()));
        var manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Ends");
        Path jar = folder.resolve("ends.jar");
        try (OutputStream out = Files.newOutputStream(jar); var jarOut = new JarOutputStream(out, manifest)) {
            jarOut.putNextEntry(new JarEntry("Ends.class"));
            jarOut.write(Files.readAllBytes(folder.resolve("Ends.class")));
            jarOut.closeEntry();
        }
        return jar;
    }
}
