package org.passerelle.mobility;

import org.passerelle.runtime.text.Identifiers;
import org.passerelle.runtime.text.PersonNames;

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
}
