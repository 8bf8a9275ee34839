package org.passerelle.mobility.mothers;

import org.passerelle.mobility.Nomination;
import org.passerelle.mobility.agreements.AgreementCondition;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Nominations for rule tests, by named fields: {@code NominationMother.of(condition).ine(null).arriving("2026-08-01").build()}.
 * The defaults: a fictional Lyon 1 student with an INE, in 2026/2027, from 5 July 2027 for 25 days, no session.
 */
public final class NominationMother {

    private final AgreementCondition condition;
    private String academicYear = "2026/2027";
    private LocalDate arrival = LocalDate.parse("2027-07-05");
    private LocalDate departure = LocalDate.parse("2027-07-30");
    private UUID personId;
    private String givenName = "Maëlys";
    private String familyName = "D'Aubigné-Roussel";
    private String email = "maelys.daubigne-roussel@etu.univ-lyon1.example";
    private String ine = "123456789AB";
    private String studentNumber;
    private final List<UUID> sessions = new ArrayList<>();

    private NominationMother(AgreementCondition condition) {
        this.condition = condition;
    }

    public static NominationMother of(AgreementCondition condition) {
        return new NominationMother(condition);
    }

    public NominationMother year(String academicYear) {
        this.academicYear = academicYear;
        return this;
    }

    public NominationMother arriving(String date) {
        this.arrival = LocalDate.parse(date);
        return this;
    }

    public NominationMother departing(String date) {
        this.departure = LocalDate.parse(date);
        return this;
    }

    public NominationMother personId(UUID personId) {
        this.personId = personId;
        return this;
    }

    public NominationMother email(String email) {
        this.email = email;
        return this;
    }

    public NominationMother ine(String ine) {
        this.ine = ine;
        return this;
    }

    public NominationMother studentNumber(String studentNumber) {
        this.studentNumber = studentNumber;
        return this;
    }

    public NominationMother sessions(UUID... sessionIds) {
        sessions.addAll(List.of(sessionIds));
        return this;
    }

    public Nomination build() {
        return new Nomination(condition.agreementId, condition.conditionId, academicYear, arrival, departure,
                new Nomination.Person(personId, givenName, familyName, null, email, ine, studentNumber), List.copyOf(sessions));
    }
}
