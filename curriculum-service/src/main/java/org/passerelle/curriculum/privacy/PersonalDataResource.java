package org.passerelle.curriculum.privacy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passerelle.runtime.privacy.AuditedRead;
import org.passerelle.runtime.privacy.Fingerprints;
import org.passerelle.runtime.privacy.PersonalDataRequest;
import org.passerelle.runtime.privacy.PersonalDataRequests;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** curriculum-service's part of a person's export (identity-service's GET /api/people/{id}/export). */
@Path("/api/catalogue/personal-data")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Personal data")
public class PersonalDataResource {

    public record Seat(UUID sessionId, UUID mobilityId, UUID personId, String sendingInstitution, Instant heldAt) {
    }

    public record SupervisedItem(UUID itemId, String titleEn, String supervisorName) {
    }

    public record Part(List<Seat> seats, List<SupervisedItem> supervisedItems) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    PersonalDataRequests requests;

    @GET
    @RolesAllowed({"admin", "student"})
    @Transactional
    @Operation(summary = "A person's seats and supervised items, for their export",
            description = "Seats held for the person's id or for their mobilities (mobility-service's ids, as the export finds "
                    + "them), and the items whose supervisor's account has one of the fingerprints. A student gets the seats "
                    + "of the mobilities they name, as mobility-service already shows them on their own mobilities, and no items.")
    @APIResponse(responseCode = "200", description = "The person's seats and items",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "one seat", value = """
                    {"seats": [{"sessionId": "e7d4b2a1-3c5f-4e6a-8b9d-0f1a2c3e4d56", "mobilityId": "9b2f4c1e-6a3d-4e8f-b7c2-1d5e9a0f3b64",
                                "personId": "3f9a1c2e-5b7d-4e8f-9a0b-1c2d3e4f5a6b", "sendingInstitution": "univ-lyon1.fr",
                                "heldAt": "2027-03-02T08:15:00Z"}],
                     "supervisedItems": []}""")))
    @AuditedRead("GET /api/catalogue/personal-data")
    public Part of(@QueryParam("personId") @Parameter(description = "The person's id in identity-service") UUID personId,
                   @QueryParam("mobilityId") @Parameter(description = "The person's mobilities") List<UUID> mobilityIds,
                   @QueryParam("fingerprint") @Parameter(description = "Fingerprints of the person's account") List<String> prints) {
        var request = requests.of(personId, prints);
        List<UUID> mobilities = mobilityIds == null ? List.of() : mobilityIds;
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select session_id, mobility_id, person_id, sending_institution, held_at from seat_hold
                        where (?1 and person_id = ?2) or mobility_id = any(cast(?3 as uuid[])) order by held_at, mobility_id""")
                .setParameter(1, request.personId() != null)
                .setParameter(2, request.personId() == null ? new UUID(0, 0) : request.personId())
                .setParameter(3, "{" + String.join(",", mobilities.stream().map(UUID::toString).toList()) + "}")
                .getResultList();
        List<Seat> seats = rows.stream().map(r -> new Seat((UUID) r[0], (UUID) r[1], (UUID) r[2], (String) r[3], instant(r[4]))).toList();
        return new Part(seats, supervised(request));
    }

    /** Only the office names a supervisor, by the fingerprint of their account; a student's request names nobody. */
    private List<SupervisedItem> supervised(PersonalDataRequest request) {
        if (!request.namesByFingerprint()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "select id, title_en, supervisor_name, supervisor_account from catalogue_item where supervisor_account is not null order by id")
                .getResultList();
        return rows.stream().filter(r -> request.fingerprinted(Fingerprints.ACCOUNT, (String) r[3]))
                .map(r -> new SupervisedItem((UUID) r[0], (String) r[1], (String) r[2])).toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return (Instant) value;
    }
}
