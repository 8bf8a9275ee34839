package org.passerelle.mobility.privacy;

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
import org.passerelle.mobility.Mobility;
import org.passerelle.mobility.api.MobilityView;
import org.passerelle.mobility.documents.Document;
import org.passerelle.mobility.documents.api.DocumentView;
import org.passerelle.runtime.privacy.AuditedRead;
import org.passerelle.runtime.privacy.Fingerprints;
import org.passerelle.runtime.privacy.PersonalDataRequests;
import org.passerelle.runtime.problem.InvalidFieldsException;
import org.passerelle.runtime.text.Identifiers;

import java.util.List;
import java.util.UUID;

/** mobility-service's part of a person's export (identity-service's GET /api/people/{id}/export). */
@Path("/api/mobilities/personal-data")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Personal data")
public class PersonalDataResource {

    /** The mobilities of one person, and the documents handed in for them (without their content, which is downloaded). */
    public record Part(List<MobilityView> mobilities, List<DocumentView> documents) {

        Part(List<MobilityView> mobilities, EntityManager entityManager) {
            this(mobilities, mobilities.isEmpty() ? List.of() : entityManager.createQuery(
                            "from Document where mobilityId in ?1 order by mobilityId, kind, version", Document.class)
                    .setParameter(1, mobilities.stream().map(MobilityView::id).toList()).getResultStream().map(DocumentView::of).toList());
        }
    }

    @Inject
    EntityManager entityManager;

    @Inject
    PersonalDataRequests requests;

    @GET
    @RolesAllowed({"admin", "student"})
    @Transactional
    @Operation(summary = "A person's mobilities and their documents, for their export",
            description = "The international office names the person by their identity-service id and the fingerprints of their "
                    + "email and identifiers (as PersonErased carries them), so that mobilities nominated without the id are found "
                    + "too. A student gets the mobilities of their own email, whatever they ask.")
    @APIResponse(responseCode = "200", description = "The person's mobilities",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "one mobility", value = """
                    {"mobilities": [{"id": "9b2f4c1e-6a3d-4e8f-b7c2-1d5e9a0f3b64", "status": "ACCEPTED", "academicYear": "2026/2027",
                      "sendingInstitution": "univ-lyon1.fr", "receivingInstitution": "sjtu.edu.cn",
                      "person": {"personId": "3f9a1c2e-5b7d-4e8f-9a0b-1c2d3e4f5a6b", "givenName": "Éloïse", "familyName": "D'Aubigné",
                                 "email": "eloise.daubigne@etu.univ-lyon1.fr", "ine": "123456789AB"}}],
                     "documents": [{"id": "5d2e8f1a-3b4c-4d6e-9f0a-1b2c3d4e5f60", "requirement": "HEALTH_INSURANCE", "version": 1,
                      "current": true, "fileName": "attestation-assurance.pdf", "mediaType": "application/pdf", "sizeBytes": 184320,
                      "sha256": "3c9f0e1a7b2d4c6e8f0a1b3c5d7e9f1a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e", "validFrom": "2027-06-01",
                      "validUntil": "2027-12-31", "status": "ACCEPTED", "reason": null, "uploadedAt": "2027-05-02T08:15:00Z",
                      "reviewedAt": "2027-05-03T10:00:00Z"}]}""")))
    @APIResponse(responseCode = "400", description = "Neither personId nor a fingerprint (urn:passerelle:problem:validation)")
    @AuditedRead("GET /api/mobilities/personal-data")
    public Part of(@QueryParam("personId") @Parameter(description = "The person's id in identity-service") UUID personId,
                   @QueryParam("fingerprint") @Parameter(description = "Fingerprints of the person's email and identifiers")
                   List<String> prints) {
        var request = requests.of(personId, prints);
        if (!request.byAdmin()) {
            return new Part(entityManager.createQuery("from Mobility where email = ?1 order by createdAt, id", Mobility.class)
                    .setParameter(1, Identifiers.email(request.email())).getResultList().stream().map(MobilityView::of).toList(),
                    entityManager);
        }
        if (!request.namesSomeone()) {
            throw new InvalidFieldsException(List.of(new InvalidFieldsException.InvalidField("personId", "personal-data.person-needed")));
        }
        // the few columns that identify, for every mobility; the entities only for those that match
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "select id, person_id, email, ine, student_number from mobility order by created_at, id").getResultList();
        return new Part(rows.stream()
                .filter(r -> r[1].equals(request.personId())
                        || request.fingerprinted(Fingerprints.EMAIL, (String) r[2])
                        || request.fingerprinted(Fingerprints.INE, (String) r[3])
                        || request.fingerprinted(Fingerprints.SJTU_STUDENT_NUMBER, (String) r[4]))
                .map(r -> MobilityView.of(entityManager.find(Mobility.class, (UUID) r[0]))).toList(), entityManager);
    }
}
