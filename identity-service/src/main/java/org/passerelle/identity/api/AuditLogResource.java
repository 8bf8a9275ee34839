package org.passerelle.identity.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
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
import org.passerelle.identity.privacy.AuditLog;
import org.passerelle.runtime.paging.Page;
import org.passerelle.runtime.paging.PageRequest;

import java.time.Instant;
import java.util.UUID;

@Path("/api/audit-log")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit log")
public class AuditLogResource {

    @Inject
    AuditLog log;

    @GET
    @RolesAllowed("admin")
    @Operation(summary = "Who read or changed personal data",
            description = "Every read of people's personal data in any service (a person here, a mobility's person, a session's "
                    + "holders, an export) and every change of it (a person here, a nomination's person, a mobility's "
                    + "documents): who (token subject and institution), when, which operation, whose data and, for a change, "
                    + "which fields (their names, never their values). Latest first. Filter by person, by actor, by action "
                    + "and by period [from, to). For the international office.")
    @APIResponse(responseCode = "200", description = "One page of reads and changes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "one read", value = """
                    {"items": [{"id": "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", "service": "identity-service", "action": "CHANGE",
                                "actor": "7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f", "actorInstitution": "sjtu.edu.cn",
                                "resource": "PUT /api/people/{id}", "personIds": ["3f9a1c2e-5b7d-4e8f-9a0b-1c2d3e4f5a6b"],
                                "fields": ["email"], "at": "2027-03-02T09:00:00Z", "readAt": null},
                               {"id": "c3d9e1f2-7a4b-4c5d-8e6f-9a0b1c2d3e4f", "service": "mobility-service", "action": "READ",
                                "actor": "4b7e9c2d-1f3a-4e5b-8c6d-0a9b8c7d6e5f", "actorInstitution": "univ-lyon1.fr",
                                "resource": "GET /api/mobilities/{id}", "personIds": ["3f9a1c2e-5b7d-4e8f-9a0b-1c2d3e4f5a6b"],
                                "fields": [], "at": "2027-03-02T08:15:00Z", "readAt": "2027-03-02T08:15:00Z"}],
                     "page": 0, "size": 20, "totalItems": 2, "totalPages": 1}""")))
    public Page<AuditLog.Entry> search(@BeanParam @Valid PageRequest page,
                                       @QueryParam("personId") @Parameter(description = "Reads of this person's data") UUID personId,
                                       @QueryParam("actor") @Parameter(description = "Reads and changes by this token subject") @Size(max = 200) String actor,
                                       @QueryParam("action") @Parameter(description = "Reads alone, or changes alone") AuditLog.Action action,
                                       @QueryParam("from") @Parameter(description = "Reads and changes at or after this instant",
                                               example = "2027-03-01T00:00:00Z") Instant from,
                                       @QueryParam("to") @Parameter(description = "Reads and changes before this instant",
                                               example = "2027-04-01T00:00:00Z") Instant to) {
        return log.search(new AuditLog.Filter(personId, actor == null || actor.isBlank() ? null : actor.strip(), action, from, to), page);
    }
}
