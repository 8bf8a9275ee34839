package org.passerelle.agreements.targets;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.passerelle.agreements.AcademicYear;
import org.passerelle.runtime.csv.CsvWriter;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.passerelle.agreements.targets.TargetProgressTest.ADMIN;
import static org.passerelle.agreements.targets.TargetProgressTest.LYON1;

/** A target's baseline from imported yearly counts, and its progress as CSV and as an SVG chart. */
@QuarkusTest
class TargetHistoryTest {

    private final String current = AcademicYear.of(LocalDate.now(ZoneId.of("Asia/Shanghai")));

    @Test
    void importedYearsAreTheBaselineMarkedAsImportedInTheProgressItsCsvAndItsChart() {
        String lyon = TargetProgressTest.activeAgreement(LYON1, "univ-lyon1.fr");
        String baseline = AcademicYear.plus(current, -1);
        String before = AcademicYear.plus(current, -2);
        String target = TargetProgressTest.createTarget(lyon, baseline, 30, AcademicYear.plus(current, 2), 60);

        String csv = "année universitaire;étudiants\r\n" + before + ";28\r\n" + baseline + ";30\r\n";
        given().auth().oauth2(ADMIN).contentType("text/csv").body(csv.getBytes(Charset.forName("windows-1252")))
                .when().put("/api/targets/{id}/history", target)
                .then().statusCode(200)
                .body("academicYear", equalTo(List.of(before, baseline)))
                .body("students", equalTo(List.of(28, 30)))
                .body("source", equalTo(List.of("IMPORTED", "IMPORTED")));

        given().auth().oauth2(LYON1).when().get("/api/targets/{id}/progress", target)
                .then().statusCode(200)
                .body("years[0].academicYear", equalTo(baseline))
                .body("years[0].counted", equalTo(30)).body("years[0].imported", equalTo(30))
                .body("years[0].standing", equalTo("ON_TRACK"))
                .body("history.academicYear", equalTo(List.of(before, baseline)));

        String progress = CsvWriter.text(given().auth().oauth2(LYON1).accept("text/csv")
                .when().get("/api/targets/{id}/progress", target)
                .then().statusCode(200).contentType(containsString("text/csv")).extract().asByteArray());
        assertTrue(progress.startsWith("academicYear;expected;counted;imported;"), progress);
        assertTrue(progress.contains(baseline + ";30;30;30;"), progress);

        String svg = given().auth().oauth2(LYON1).accept("image/svg+xml").header("Accept-Language", "fr")
                .when().get("/api/targets/{id}/progress", target)
                .then().statusCode(200).contentType(containsString("image/svg+xml")).extract().asString();
        assertTrue(svg.contains("<svg") && svg.contains(before) && svg.contains("Imported"), svg.substring(0, 200));
    }

    @Test
    void anImportThatDoesNotReadImportsNothing() {
        String lyon = TargetProgressTest.activeAgreement(LYON1, "univ-lyon1.fr");
        String target = TargetProgressTest.createTarget(lyon, AcademicYear.plus(current, -1), 30, AcademicYear.plus(current, 2), 60);
        given().auth().oauth2(ADMIN).contentType("application/json").body("[{\"academicYear\":\"2022/2023\",\"students\":30}]")
                .when().put("/api/targets/{id}/history", target).then().statusCode(200);

        given().auth().oauth2(ADMIN).contentType("text/csv").body("academicYear;students\n2023/2024;333\n2024/2025;trente\n")
                .when().put("/api/targets/{id}/history", target)
                .then().statusCode(400).body("errors[0].field", equalTo("students"));
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body("[{\"academicYear\":\"2023/2024\",\"students\":1},{\"academicYear\":\"2023/2024\",\"students\":2}]")
                .when().put("/api/targets/{id}/history", target)
                .then().statusCode(400).body("errors[0].field", equalTo("[1].academicYear"));
        given().auth().oauth2(ADMIN).contentType("application/json").body("[{\"academicYear\":\"2023/2025\",\"students\":1}]")
                .when().put("/api/targets/{id}/history", target).then().statusCode(400);
        given().auth().oauth2(LYON1).when().get("/api/targets/{id}/history", target)
                .then().statusCode(200).body("academicYear", equalTo(List.of("2022/2023")));
    }
}
