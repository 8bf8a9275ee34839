package org.passerelle.agreements.privacy;

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
import org.passerelle.runtime.privacy.PersonalDataRequests;

import java.util.List;

/**
 * agreements-service's part of a person's export: agreements name institutions, so what names a person here is
 * only their account on the answers stored for their Idempotency-Keys.
 */
@Path("/api/agreements/personal-data")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Personal data")
public class PersonalDataResource {

    public record StoredAnswer(String idempotencyKey, int status, String location, String createdAt) {
    }

    public record Part(List<StoredAnswer> storedAnswers) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    PersonalDataRequests requests;

    @GET
    @RolesAllowed({"admin", "student"})
    @Transactional
    @Operation(summary = "A person's traces here, for their export",
            description = "The answers stored for requests the person sent with an Idempotency-Key. The international office "
                    + "names the person by the fingerprint of their account; a student gets their own, whatever they ask.")
    @APIResponse(responseCode = "200", description = "The stored answers of the person's requests",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "one draft", value = """
                    {"storedAnswers": [{"idempotencyKey": "draft-2027-01", "status": 201,
                      "location": "http://127.0.0.1:8081/api/agreements/5f0c2a4e-8d1b-4c7a-9e3f-2b6d8a1c4e70",
                      "createdAt": "2027-01-12T10:00:00Z"}]}""")))
    public Part of(@QueryParam("fingerprint") @Parameter(description = "Fingerprints of the person's account") List<String> prints) {
        var request = requests.of(null, prints);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "select caller, idempotency_key, status, location, cast(created_at as text) from idempotent_creation order by created_at")
                .getResultList();
        return new Part(rows.stream()
                .filter(r -> request.isTheirAccount((String) r[0]))
                .map(r -> new StoredAnswer((String) r[1], ((Number) r[2]).intValue(), (String) r[3], (String) r[4])).toList());
    }
}
