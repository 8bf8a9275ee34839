package org.passerelle.mobility.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.mobility.Mobility;
import org.passerelle.mobility.MobilityStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(name = "Mobility")
public record MobilityView(
        UUID id,
        @Schema(example = "NOMINATED") MobilityStatus status,
        @Schema(nullable = true, description = "Why it was rejected or cancelled (AGREEMENT_TERMINATED: ... when its agreement was terminated), or the reasons its seats were refused (SEAT_REFUSED: e.g. SESSION_FULL)") String statusReason,
        UUID agreementId,
        UUID conditionId,
        @Schema(example = "SUMMER_TRAINING") String mobilityType,
        @Schema(example = "2026/2027") String academicYear,
        @Schema(example = "univ-lyon1.fr") String sendingInstitution,
        @Schema(example = "sjtu.edu.cn") String receivingInstitution,
        @Schema(example = "2027-07-05") LocalDate plannedArrival,
        @Schema(example = "2027-07-30") LocalDate plannedDeparture,
        @Schema(nullable = true) LocalDate arrivedOn,
        @Schema(nullable = true) LocalDate departedOn,
        Person person,
        @Schema(description = "The sessions asked for, and whether curriculum-service held a seat") List<Seat> sessions,
        @Schema(nullable = true) UUID batchId,
        Instant createdAt,
        Instant changedAt) {

    @Schema(name = "MobilityPerson")
    public record Person(UUID personId, @Schema(example = "Éloïse") String givenName, @Schema(example = "D'Aubigné") String familyName,
                         @Schema(nullable = true, example = "王芳") String chineseName, String email, @Schema(nullable = true) String ine, @Schema(nullable = true) String studentNumber) {
    }

    @Schema(name = "SeatAnswer")
    public record Seat(UUID sessionId, @Schema(example = "HELD") Mobility.RequestedSession.Seat seat,
                       @Schema(nullable = true, description = "Why it was refused or released", example = "SESSION_FULL") String reason) {
    }

    public static MobilityView of(Mobility m) {
        return new MobilityView(m.id, m.status, m.statusReason, m.agreementId, m.conditionId, m.mobilityType, m.academicYear,
                m.sendingInstitution, m.receivingInstitution, m.plannedArrival, m.plannedDeparture, m.arrivedOn, m.departedOn,
                new Person(m.personId, m.givenName, m.familyName, m.chineseName, m.email, m.ine, m.studentNumber),
                m.sessions.stream().map(s -> new Seat(s.sessionId, s.seat, s.reason)).toList(),
                m.batchId, m.createdAt, m.changedAt);
    }
}
