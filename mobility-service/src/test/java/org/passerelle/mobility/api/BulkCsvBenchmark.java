package org.passerelle.mobility.api;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.passerelle.mobility.AgreementsInForce;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * On demand, not part of the suite (its name is not a test's): a 500-row nomination CSV as French Excel writes it,
 * end to end over HTTP against the test application (real PostgreSQL and Kafka): reading, 500 quota places, 500
 * mobilities and their events in the outbox, the answer. Run with
 * {@code ./mvnw -q -B verify -pl mobility-service -am -Dtest=BulkCsvBenchmark -Dsurefire.failIfNoSpecifiedTests=false -DskipITs}
 * and read the line it prints; {@code -Dbench.rounds=5} measured rounds after one warm-up.
 */
@QuarkusTest
class BulkCsvBenchmark {

    private static final int ROWS = 500;

    @Inject
    EntityManager entityManager;

    @Test
    void fiveHundredNominationsFromOneFrenchExcelFile() throws Exception {
        int rounds = Integer.getInteger("bench.rounds", 5);
        List<Long> millis = new ArrayList<>();
        for (int round = 0; round <= rounds; round++) {
            var summer = AgreementsInForce.condition("univ-lyon1.fr", "sjtu.edu.cn", "SUMMER_TRAINING", ROWS, null, null);
            UUID agreement = AgreementsInForce.activate(entityManager, "univ-lyon1.fr", summer);
            byte[] csv = cohort(agreement, summer.id());
            long start = System.nanoTime();
            given().auth().oauth2(NominationTest.LYON1).contentType("text/csv").body(csv)
                    .when().post("/api/mobilities/bulk").then().statusCode(201).body("created", equalTo(ROWS));
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            if (round > 0) {
                millis.add(elapsed);
            }
        }
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf("BENCHMARK bulk CSV of %d nominations: median %d ms, min %d ms, max %d ms over %d rounds (%s)%n",
                ROWS, sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1), sorted.size(), millis);
    }

    /** 500 students as French Excel saves them: ';', windows-1252, dd/mm/yyyy, French column names. */
    private static byte[] cohort(UUID agreement, UUID condition) {
        var csv = new StringBuilder("Accord;Condition;Année universitaire;Arrivée prévue;Départ prévu;Prénom;Nom;Nom chinois;Courriel;INE\r\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append(agreement).append(';').append(condition).append(";2026/2027;05/07/2027;30/07/2027;Éloïse;D'Aubigné-")
                    .append((char) ('a' + i % 26)).append(";;eloise.").append(i).append('.').append(agreement.toString(), 0, 8)
                    .append("@etu.univ-lyon1.fr;").append(String.format("%09dAB", i)).append("\r\n");
        }
        return csv.toString().getBytes(Charset.forName("windows-1252"));
    }
}
