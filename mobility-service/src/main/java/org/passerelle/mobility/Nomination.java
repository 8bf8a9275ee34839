package org.passerelle.mobility;

import org.passerelle.mobility.agreements.AgreementCondition;
import org.passerelle.runtime.problem.InvalidFieldsException;
import org.passerelle.runtime.problem.ProblemException;
import org.passerelle.runtime.text.Identifiers;
import org.passerelle.runtime.text.PersonNames;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What the sending side says when it nominates a person, and the rules it must meet against the cooperation
 * condition it names (see {@link #check}).
 */
public record Nomination(UUID agreementId, UUID conditionId, String academicYear, LocalDate plannedArrival,
                         LocalDate plannedDeparture, Person person, List<UUID> requestedSessions) {

    /** INE: 9 digits and 2 letters (since 2018), or 10 digits and 1 letter. Only the format can be checked. */
    static final Pattern INE = Pattern.compile("[0-9]{9}[A-Z]{2}|[0-9]{10}[A-Z]");
    private static final List<String> STAFF_TYPES = List.of("STAFF_TEACHING", "STAFF_TRAINING");

    public Nomination {
        requestedSessions = requestedSessions == null ? List.of() : requestedSessions;
    }

    /**
     * The person, with the least data the mobility needs. {@code personId} is identity-service's id when the
     * sender knows it.
     */
    public record Person(UUID personId, String givenName, String familyName, String chineseName, String email,
                         String ine, String studentNumber) {

        /** Names in NFC, identifiers in their normal form (the runtime's rules), however the sender typed them. */
        public Person {
            givenName = PersonNames.normalize(givenName);
            familyName = PersonNames.normalize(familyName);
            chineseName = PersonNames.normalize(chineseName);
            email = Identifiers.email(email);
            ine = Identifiers.code(ine);
            studentNumber = Identifiers.code(studentNumber);
        }
    }

    /**
     * The rules of a nomination against the condition of an active agreement it names: the condition is the
     * caller's side (the sending one; {@code actingFor} null for the international office, which may nominate for
     * any) and covers the academic year; arrival within that year, departure after arrival; a student sent by a
     * French institution has a well-formed INE, one sent by the home institution (SJTUSM) a student number; and the
     * planned days are within the condition's minimum and maximum. Each refusal is a problem.
     */
    public void check(AgreementCondition condition, String actingFor, String homeInstitution) {
        checkCovered(condition, actingFor);
        checkDatesAndPerson(condition, homeInstitution);
        checkDuration(condition);
    }

    private void checkCovered(AgreementCondition condition, String actingFor) {
        if (actingFor != null && !actingFor.equals(condition.sendingInstitution)) {
            throw new ProblemException(MobilityProblems.CONDITION_MISMATCH, "sendingInstitution",
                    condition.sendingInstitution + " -> " + condition.receivingInstitution);
        }
        if (!condition.covers(academicYear)) {
            throw new ProblemException(MobilityProblems.CONDITION_MISMATCH, "academicYear",
                    condition.firstAcademicYear + " - " + condition.lastAcademicYear);
        }
    }

    private void checkDatesAndPerson(AgreementCondition condition, String homeInstitution) {
        var problems = new InvalidFieldsException.Collector();
        LocalDate yearStarts = LocalDate.of(Integer.parseInt(academicYear.substring(0, 4)), 9, 1);
        problems.check(!plannedArrival.isBefore(yearStarts) && plannedArrival.isBefore(yearStarts.plusYears(1)),
                        "plannedArrival", "nomination.arrival-in-year", academicYear)
                .check(plannedDeparture.isAfter(plannedArrival), "plannedDeparture", "nomination.departure-after-arrival");
        boolean student = !STAFF_TYPES.contains(condition.mobilityType);
        boolean sentHome = condition.sendingInstitution.equals(homeInstitution);
        if (student && !sentHome) {
            problems.check(person.ine() != null && INE.matcher(person.ine()).matches(), "person.ine", "nomination.ine");
        }
        if (student && sentHome) {
            problems.check(person.studentNumber() != null && !person.studentNumber().isBlank(), "person.studentNumber",
                    "nomination.student-number");
        }
        problems.throwIfAny();
    }

    private void checkDuration(AgreementCondition condition) {
        long days = ChronoUnit.DAYS.between(plannedArrival, plannedDeparture);
        if ((condition.minimumDays != null && days < condition.minimumDays)
                || (condition.maximumDays != null && days > condition.maximumDays)) {
            throw new ProblemException(MobilityProblems.DURATION_OUTSIDE, days,
                    condition.minimumDays == null ? "-" : condition.minimumDays,
                    condition.maximumDays == null ? "-" : condition.maximumDays);
        }
    }
}
