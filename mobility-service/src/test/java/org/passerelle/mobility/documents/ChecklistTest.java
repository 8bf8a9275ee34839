package org.passerelle.mobility.documents;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.passerelle.mobility.documents.Requirement.CheckedBy.RECEIVING;
import static org.passerelle.mobility.documents.Requirement.CheckedBy.SENDING;

/** The rules of a checklist, without a database: merging requirements, completion, and what stops a start. */
class ChecklistTest {

    static final LocalDate ARRIVAL = LocalDate.of(2027, 7, 5);
    static final LocalDate DEPARTURE = LocalDate.of(2027, 7, 30);
    static final Requirement INSURANCE = new Requirement("HEALTH_INSURANCE", true, RECEIVING);
    static final Requirement HEPATITIS_B = new Requirement("HEPATITIS_B_VACCINATION", false, SENDING);

    static Document document(DocumentStatus status, LocalDate validFrom, LocalDate validUntil) {
        var d = new Document();
        d.status = status;
        d.current = true;
        d.validFrom = validFrom;
        d.validUntil = validUntil;
        return d;
    }

    @Test
    void aPaperAskedTwiceIsAskedOnceForTheWholeStayIfEitherSaysSoAndCheckedByTheHostUnlessBothNameTheSender() {
        var merged = Requirement.merged(List.of(new Requirement("HEALTH_INSURANCE", false, SENDING), INSURANCE,
                HEPATITIS_B, new Requirement("HEPATITIS_B_VACCINATION", false, SENDING)));
        assertEquals(List.of(new Requirement("HEALTH_INSURANCE", true, RECEIVING), HEPATITIS_B), merged);
    }

    @Test
    void aLineStopsTheStartUntilItsDocumentIsAccepted() {
        for (var status : List.of(DocumentStatus.SUBMITTED, DocumentStatus.REJECTED, DocumentStatus.EXPIRED)) {
            assertFalse(new Checklist.Line(INSURANCE, document(status, null, null)).allowsStart(ARRIVAL, DEPARTURE), status.name());
        }
        assertFalse(new Checklist.Line(INSURANCE, null).allowsStart(ARRIVAL, DEPARTURE));
        assertTrue(new Checklist.Line(INSURANCE, document(DocumentStatus.ACCEPTED, null, null)).allowsStart(ARRIVAL, DEPARTURE));
    }

    @Test
    void aPaperOfTheWholeStayMustLastUntilThePlannedDepartureAnotherOnlyUntilTheArrival() {
        var endsMidStay = document(DocumentStatus.ACCEPTED, LocalDate.of(2027, 1, 1), LocalDate.of(2027, 7, 20));
        assertFalse(new Checklist.Line(INSURANCE, endsMidStay).allowsStart(ARRIVAL, DEPARTURE));
        assertTrue(new Checklist.Line(HEPATITIS_B, endsMidStay).allowsStart(ARRIVAL, DEPARTURE));
        assertTrue(new Checklist.Line(INSURANCE, document(DocumentStatus.ACCEPTED, ARRIVAL, DEPARTURE)).allowsStart(ARRIVAL, DEPARTURE));
        assertFalse(new Checklist.Line(HEPATITIS_B, document(DocumentStatus.ACCEPTED, null, ARRIVAL.minusDays(1)))
                .allowsStart(ARRIVAL, DEPARTURE), "expired before the arrival");
        assertFalse(new Checklist.Line(INSURANCE, document(DocumentStatus.ACCEPTED, ARRIVAL.plusDays(1), null))
                .allowsStart(ARRIVAL, DEPARTURE), "valid only from after the arrival");
    }

    @Test
    void theStartIsStoppedByExactlyTheLinesNotMet() {
        var insurance = new Checklist.Line(INSURANCE, document(DocumentStatus.ACCEPTED, null, LocalDate.of(2027, 7, 10)));
        var vaccination = new Checklist.Line(HEPATITIS_B, document(DocumentStatus.ACCEPTED, null, null));
        var checklist = new Checklist(List.of(insurance, vaccination), null);
        assertEquals(List.of(insurance), checklist.blockingStart(ARRIVAL, DEPARTURE));
        assertTrue(checklist.complete(), "accepted, though the insurance ends too early for this stay");
    }

    @Test
    void aChecklistIsCompleteWhenEveryLineIsAcceptedAndItAsksSomething() {
        assertFalse(new Checklist(List.of(), null).complete());
        assertFalse(new Checklist(List.of(new Checklist.Line(INSURANCE, document(DocumentStatus.ACCEPTED, null, null)),
                new Checklist.Line(HEPATITIS_B, null)), null).complete());
    }
}
