package org.passerelle.devstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A second ./deploy/run on a state folder in use refuses before it starts anything, whatever its ports. */
class OneLauncherPerStateFolderTest {

    @Test
    void aSecondLauncherOnTheSameFolderRefusesAndNamesTheFirst(@TempDir Path state) throws Exception {
        try (var first = StateLock.take(state)) {
            var second = new ProcessBuilder(ServiceProcess.javaExecutable(), "-cp", System.getProperty("java.class.path"),
                    Launcher.class.getName())
                    .redirectErrorStream(true);
            second.environment().put("PASSERELLE_STATE", state.toString());
            // ports moved away from the first launcher's, as in the run that corrupted Kafka's metadata log
            second.environment().put("PASSERELLE_POSTGRES_PORT", String.valueOf(FreePorts.next()));
            second.environment().put("PASSERELLE_KAFKA_PORT", String.valueOf(FreePorts.next()));
            Process process = second.start();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the second launcher must end by itself");
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertEquals(4, process.exitValue(), output);
            assertTrue(output.contains("Another ./deploy/run already uses the state folder " + state), output);
            assertTrue(output.contains("process " + ProcessHandle.current().pid()), output);
            assertTrue(output.contains("PASSERELLE_STATE"), output);
            assertFalse(Files.exists(state.resolve("logs")), "nothing was started or written: " + list(state));
        }
    }

    @Test
    void theFolderIsFreeAgainOnceTheLauncherHasEnded(@TempDir Path state) throws Exception {
        StateLock.take(state).close();
        try (var again = StateLock.take(state)) {
            assertEquals(String.valueOf(ProcessHandle.current().pid()),
                    Files.readString(state.resolve(StateLock.FILE)).strip());
        }
    }

    private static List<Path> list(Path folder) throws Exception {
        try (var files = Files.list(folder)) {
            return files.toList();
        }
    }
}
