package org.passerelle.mobility.documents;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.MultiPartSpecBuilder;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.passerelle.devstack.testing.TestTokens;
import org.passerelle.mobility.AgreementsInForce;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Measures, on demand and not in the suite (its name is no test's): 20 concurrent uploads of 10 MiB sent by 20 curl
 * processes (latencies, and the growth of the RSS of this process, which holds the service and the in-process Kafka
 * broker but not the clients), and the recomputation of the checklists of 1,000 mobilities after their item's
 * requirements change.
 * <pre>./mvnw -q -B test -pl mobility-service -am -Dtest=DocumentsBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * Figures in docs/performance.md.
 */
@QuarkusTest
class DocumentsBenchmark {

    static final String LYON1 = TestTokens.of("coordinator", "univ-lyon1.fr");
    static final String INSURANCE = "{\"kind\":\"HEALTH_INSURANCE\",\"validForWholeStay\":true,\"checkedBy\":\"RECEIVING\"}";

    @Inject
    EntityManager entityManager;

    @Inject
    Checklists checklists;

    @Test
    void twentyConcurrentUploadsOfTenMebibytes() throws Exception {
        UUID session = CatalogueRequirements.sessionRequiring(entityManager, INSURANCE);
        List<String> mobilities = nominate(session, 21);
        Path file = SampleFiles.pdfOfSize(Documents.MAX_BYTES);
        upload(mobilities.get(0), file);   // warm-up
        System.gc();
        Thread.sleep(500);
        long before = rssKib();
        AtomicLong peak = new AtomicLong(before);
        var sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(rssKib(), Math::max), 0, 50, java.util.concurrent.TimeUnit.MILLISECONDS);
        var pool = Executors.newFixedThreadPool(20);
        List<Callable<Long>> uploads = mobilities.subList(1, 21).stream().<Callable<Long>>map(id -> () -> curl(id, file)).toList();
        long start = System.nanoTime();
        List<Long> millis = new ArrayList<>();
        for (Future<Long> f : pool.invokeAll(uploads)) {
            millis.add(f.get());
        }
        long wall = (System.nanoTime() - start) / 1_000_000;
        sampler.shutdownNow();
        pool.shutdown();
        Collections.sort(millis);
        System.out.printf("BENCHMARK uploads: 20 x %d bytes in %d ms; p50 %d ms, p99 %d ms, max %d ms; RSS %d MiB before, peak %d MiB (+%d MiB)%n",
                Documents.MAX_BYTES, wall, millis.get(9), millis.get(19), millis.get(19), before / 1024, peak.get() / 1024,
                (peak.get() - before) / 1024);
        Files.delete(file);
    }

    @Test
    void recomputingTheChecklistsOfAThousandMobilitiesAfterTheirItemChanged() throws Exception {
        UUID session = CatalogueRequirements.sessionRequiring(entityManager, INSURANCE);
        List<String> mobilities = nominate(session, 1000);
        long start = System.nanoTime();
        CatalogueRequirements.change(entityManager, session, INSURANCE, "{\"kind\":\"VISA\",\"validForWholeStay\":true,\"checkedBy\":\"RECEIVING\"}");
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (visaLines(mobilities) < 1000 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        long byEvent = (System.nanoTime() - start) / 1_000_000;
        assertEquals(1000, visaLines(mobilities));
        long direct = System.nanoTime();
        UUID item = QuarkusTransaction.requiringNew().call(() -> (UUID) entityManager.createNativeQuery(
                "select item_id from catalogue_session where session_id = ?1").setParameter(1, session).getSingleResult());
        int recomputed = checklists.recomputeForItem(item);
        System.out.printf("BENCHMARK checklists: 1000 recomputed after CatalogueItemChanged in %d ms (event sent to last line seen); "
                + "recomputeForItem alone: %d checklists in %d ms%n", byEvent, recomputed, (System.nanoTime() - direct) / 1_000_000);
    }

    private int visaLines(List<String> mobilities) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "select count(*) from checklist_line where kind = 'VISA' and mobility_id in (select cast(unnest(cast(?1 as text[])) as uuid))")
                .setParameter(1, mobilities.toArray(String[]::new)).getSingleResult()).intValue());
    }

    /** Nominates {@code count} Lyon 1 students for the session, 500 per bulk request; answers their ids. */
    private List<String> nominate(UUID session, int count) throws Exception {
        var summer = AgreementsInForce.condition("univ-lyon1.fr", "sjtu.edu.cn", "SUMMER_TRAINING", count, 14, 60);
        UUID agreement = AgreementsInForce.activate(entityManager, "univ-lyon1.fr", summer);
        List<String> ids = new ArrayList<>();
        for (int from = 0; from < count; from += 500) {
            String rows = IntStream.range(from, Math.min(count, from + 500)).mapToObj(i -> """
                    {"agreementId":"%s","conditionId":"%s","academicYear":"2026/2027","plannedArrival":"2027-07-05",
                     "plannedDeparture":"2027-07-30","person":{"givenName":"Camille","familyName":"Bench%d","email":"bench.%s@etu.univ-lyon1.fr",
                     "ine":"123456789AB"},"requestedSessions":["%s"]}""".formatted(agreement, summer.id(), i, UUID.randomUUID(), session))
                    .collect(Collectors.joining(",", "[", "]"));
            List<String> created = given().auth().oauth2(LYON1).contentType("application/json").body(rows)
                    .when().post("/api/mobilities/bulk").then().statusCode(201).extract().path("rows.mobilityId");
            ids.addAll(created);
        }
        return ids;
    }

    /** One upload by a curl process; answers its milliseconds. */
    private static long curl(String mobility, Path file) throws Exception {
        var process = new ProcessBuilder("curl", "-s", "-o", "/dev/null", "-w", "%{http_code} %{time_total}",
                "-H", "Authorization: Bearer " + LYON1, "-F", "requirement=HEALTH_INSURANCE",
                "-F", "file=@" + file + ";filename=assurance.pdf;type=application/pdf",
                "http://localhost:" + io.restassured.RestAssured.port + "/api/mobilities/" + mobility + "/documents").start();
        String[] answer = new String(process.getInputStream().readAllBytes()).trim().split(" ");
        process.waitFor();
        assertEquals("201", answer[0]);
        return Math.round(Double.parseDouble(answer[1]) * 1000);
    }

    private static void upload(String mobility, Path file) {
        given().auth().oauth2(LYON1).multiPart("requirement", "HEALTH_INSURANCE")
                .multiPart(new MultiPartSpecBuilder(file.toFile()).controlName("file").fileName("assurance.pdf").mimeType("application/pdf").build())
                .when().post("/api/mobilities/{id}/documents", mobility).then().statusCode(201);
    }

    private static long rssKib() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(0L);
        } catch (Exception e) {
            return 0;
        }
    }
}
