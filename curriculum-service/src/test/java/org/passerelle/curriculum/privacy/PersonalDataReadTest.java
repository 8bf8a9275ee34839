package org.passerelle.curriculum.privacy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.passerelle.curriculum.seats.SeatLedger;
import org.passerelle.devstack.testing.EventContracts;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.passerelle.curriculum.Fixtures.internship;
import static org.passerelle.curriculum.Fixtures.newAccount;
import static org.passerelle.curriculum.Fixtures.openSession;
import static org.passerelle.curriculum.Fixtures.publish;
import static org.passerelle.curriculum.Fixtures.supervisor;

/** Reading a session's holders with their person ids is published as PersonalDataRead; holders shown without them are not. */
@QuarkusTest
class PersonalDataReadTest {

    @Inject
    SeatLedger seats;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theSupervisorReadingHoldersIsRecordedAnotherSupervisorIsNot() throws Exception {
        String account = newAccount();
        String session = openSession(publish(internship("Pneumologie", "Pneumology", "呼吸科", account)), "2026/2027", "2027-03-01", "2027-04-26", 5);
        UUID student = UUID.randomUUID();
        seats.hold(new SeatLedger.Request(UUID.randomUUID(), "univ-lyon1.fr", student, List.of(UUID.fromString(session))));

        given().auth().oauth2(supervisor(account)).when().get("/api/catalogue/sessions/{id}/holders", session).then().statusCode(200);
        String stranger = newAccount();
        given().auth().oauth2(supervisor(stranger)).when().get("/api/catalogue/sessions/{id}/holders", session).then().statusCode(200);

        List<String> reads = readsBy(account);
        assertEquals(1, reads.size(), reads.toString());
        assertEquals(List.of(), EventContracts.violations("passerelle.curriculum.PersonalDataRead.v1", reads.get(0)));
        assertTrue(reads.get(0).contains(student.toString()), reads.get(0));
        assertEquals(List.of(), readsBy(stranger), "ids withheld: no personal data read");
    }

    private List<String> readsBy(String reader) throws Exception {
        List<String> reads = new ArrayList<>();
        try (var connection = dataSource.getConnection();
             var query = connection.prepareStatement("select payload::text from outbox_event where type = ? and aggregate_id = ?")) {
            query.setString(1, "passerelle.curriculum.PersonalDataRead.v1");
            query.setString(2, reader);
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    reads.add(rows.getString(1));
                }
            }
        }
        return reads;
    }
}
