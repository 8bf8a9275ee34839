package org.passerelle.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/examples/tour.sh, the script of docs/tour.md, run as a partner's developer would run it, against the
 * whole platform as packaged processes: if the API and the tour part ways, this fails. Twice: on the empty
 * platform the script sets up the agreement it needs, on the second run it finds that one; the first run's
 * nomination, withdrawn at its end, leaves exactly one nomination for the second to count. Before the other
 * classes on the shared platform: the first run must find no agreement with a condition Lyon 1 -> SJTUSM.
 */
@ExtendWith(SharedPlatform.class)
@Order(2)
class TourIT {

    private static final Path WORK = Path.of(System.getProperty("passerelle.e2e.work", "target/e2e")).resolve("tour");
    private static final Path SCRIPT = Platform.ROOT.resolve("docs/examples/tour.sh");
    private static final Pattern AGREEMENT = Pattern.compile("(?m)^   agreement ([0-9a-f-]{36}) ");

    private static Platform platform;

    @BeforeAll
    static void useThePlatform(Platform shared) throws Exception {
        platform = shared;
        Files.createDirectories(WORK);
    }

    @Test
    void theTourRunsAsWrittenOnAnEmptyPlatformAndAgainOnTheSame() throws Exception {
        String first = runTour("first");
        assertTrue(first.contains("setting one up"), "an empty platform: the script sets up the agreement\n" + first);
        assertTrue(first.contains("-> 200 ACTIVE"), first);
        assertTour(first);

        String second = runTour("second");
        assertFalse(second.contains("setting one up"), "the agreement of the first run is found\n" + second);
        assertEquals(agreement(first), agreement(second), second);
        assertTour(second);
    }

    private static void assertTour(String output) {
        assertTrue(Pattern.compile("nominated: mobility [0-9a-f-]{36} NOMINATED, Maëlys D'Aubigné-Roussel,").matcher(output).find(),
                "accents and apostrophe sent and answered intact\n" + output);
        assertTrue(output.contains("-> 201 Idempotency-Replayed: true, the same mobility"), output);
        assertTrue(output.contains("-> 422 urn:passerelle:problem:idempotency-key-reused"), output);
        assertTrue(Pattern.compile("receiver: [0-9a-f-]{36} passerelle.mobility.MobilityNominated.v1 [0-9a-f-]{36} signature verified")
                .matcher(output).find(), "the nomination reached the tour's webhook receiver, signed\n" + output);
        assertTrue(output.contains("DELIVERED after 1 attempt(s), answered 204"), output);
        assertTrue(output.contains("the changes feed shows mobility"), output);
        // the previous run's nomination was withdrawn: only this run's counts as NOMINATED
        assertTrue(Pattern.compile("statistics: \\d{4}/\\d{4} INBOUND from univ-lyon1.fr, CLINICAL_INTERNSHIP_MID, NOMINATED: 1\\n")
                .matcher(output).find(), output);
        assertTrue(output.contains("without If-Match -> 428 urn:passerelle:problem:precondition-required"), output);
        assertTrue(output.contains("again with the old ETag -> 412 urn:passerelle:problem:precondition-failed"), output);
        assertTrue(output.contains("Tour complete: nominated, followed and counted mobility"), output);
    }

    private static String agreement(String output) {
        Matcher matcher = AGREEMENT.matcher(output);
        assertTrue(matcher.find(), output);
        return matcher.group(1);
    }

    /** Runs the script with the platform's addresses, as its comment says a developer would; its output on failure. */
    private static String runTour(String name) throws Exception {
        Path log = WORK.resolve("tour-" + name + ".log");
        var builder = new ProcessBuilder("bash", SCRIPT.toString())
                .directory(Platform.ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        var environment = builder.environment();
        environment.put("KEYCLOAK_URL", platform.keycloak.realmUrl().replaceFirst("/realms/.*$", ""));
        environment.put("AGREEMENTS_URL", platform.service("agreements-service").baseUrl());
        environment.put("MOBILITY_URL", platform.service("mobility-service").baseUrl());
        environment.put("CURRICULUM_URL", platform.service("curriculum-service").baseUrl());
        environment.put("IDENTITY_URL", platform.service("identity-service").baseUrl());
        var process = builder.start();
        boolean ended = process.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly().waitFor();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println("---- tour.sh (" + name + " run)\n" + output);
        assertTrue(ended, "tour.sh did not end within 5 minutes:\n" + output);
        assertEquals(0, process.exitValue(), "tour.sh failed:\n" + output);
        return output;
    }
}
