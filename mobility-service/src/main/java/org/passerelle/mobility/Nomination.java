package org.passerelle.mobility;

import org.passerelle.mobility.agreements.AgreementCondition;
import org.passerelle.runtime.privacy.Fingerprints;
import org.passerelle.runtime.problem.InvalidFieldsException;
import org.passerelle.runtime.problem.ProblemException;
import org.passerelle.runtime.text.Identifiers;
import org.passerelle.runtime.text.PersonNames;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
     * Whom a nomination's person is checked against: mobility-service's copy of the people identity-service
     * registered (kept by its events), and the earlier nominations.
     */
    public interface People {

        /** Whether identity-service registered this person (as far as its events have arrived). */
        boolean knows(UUID personId);

        /** The person identity-service registered with this identifier (scheme as in Fingerprints: INE, SJTU_STUDENT_NUMBER). */
        Optional<UUID> holderOf(String scheme, String value);

        /** The person id of the first nomination with this identifier. */
        Optional<UUID> nominatedBefore(String scheme, String value);
    }

    /**
     * The person, with the least data the mobility needs. {@code personId} is identity-service's id when the
     * sender knows it.
     */
    public record Person(UUID personId, String givenName, String familyName, String chineseName, String email,
                         String ine, String studentNumber) {

        /** The personal data a nomination writes: the names of the fields given, for the audit of changes. */
        public List<String> writtenFields() {
            var written = new ArrayList<String>();
            String[][] fields = {{"person.givenName", givenName}, {"person.familyName", familyName},
                    {"person.chineseName", chineseName}, {"person.email", email}, {"person.ine", ine},
                    {"person.studentNumber", studentNumber}};
            for (String[] field : fields) {
                if (field[1] != null && !field[1].isBlank()) {
                    written.add(field[0]);
                }
            }
            return written;
        }

        /**
         * Who the nominated person is; one person never gets two ids. Named by id: identity-service must have
         * registered them (unknown-person otherwise), and an INE or SJTU student number given that identity-service
         * knows must be theirs (person-mismatch). Not named: the person identity-service registered with the INE or
         * student number given; otherwise the person of the first nomination with it; otherwise a new id, for a
         * person identity-service does not know (yet).
         */
        public UUID identify(People people) {
            UUID holder = null;
            for (String[] identifier : identifiers()) {
                UUID found = people.holderOf(identifier[0], identifier[1]).orElse(null);
                if (found != null && holder != null && !found.equals(holder)) {
                    throw new ProblemException(MobilityProblems.PERSON_MISMATCH, identifier[2], holder);
                }
                holder = found != null ? found : holder;
            }
            if (personId != null) {
                if (!people.knows(personId)) {
                    throw new ProblemException(MobilityProblems.UNKNOWN_PERSON, personId);
                }
                if (holder != null && !holder.equals(personId)) {
                    throw new ProblemException(MobilityProblems.PERSON_MISMATCH, ine != null ? "person.ine" : "person.studentNumber", holder);
                }
                return personId;
            }
            if (holder != null) {
                return holder;
            }
            for (String[] identifier : identifiers()) {
                var earlier = people.nominatedBefore(identifier[0], identifier[1]);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
            return UUID.randomUUID();
        }

        /** The identifiers given, each as its scheme, its value and its field. */
        private List<String[]> identifiers() {
            var given = new ArrayList<String[]>();
            if (ine != null && !ine.isBlank()) {
                given.add(new String[] {Fingerprints.INE, ine, "person.ine"});
            }
            if (studentNumber != null && !studentNumber.isBlank()) {
                given.add(new String[] {Fingerprints.SJTU_STUDENT_NUMBER, studentNumber, "person.studentNumber"});
            }
            return given;
        }

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
