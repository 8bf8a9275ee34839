package org.passerelle.mobility;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the sending side says when it nominates a person; checked by MobilityService.nominate. */
public record Nomination(UUID agreementId, UUID conditionId, String academicYear, LocalDate plannedArrival,
                         LocalDate plannedDeparture, Person person, List<UUID> requestedSessions) {

    /**
     * The person, with the least data the mobility needs. {@code personId} is identity-service's id when the
     * sender knows it.
     */
    public record Person(UUID personId, String givenName, String familyName, String chineseName, String email,
                         String ine, String studentNumber) {
    }
}
