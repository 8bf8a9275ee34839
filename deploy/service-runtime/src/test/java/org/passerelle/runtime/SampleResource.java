package org.passerelle.runtime;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.passerelle.runtime.paging.Page;
import org.passerelle.runtime.paging.PageRequest;
import org.passerelle.runtime.problem.ProblemException;
import org.passerelle.runtime.problem.ProblemType;

import java.time.LocalDate;
import java.util.List;

/** Endpoints that fail in each way a real service can, to test the answers every service shares. */
@Path("/api/samples")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"admin", "coordinator"})
public class SampleResource {

    public record SampleRequest(@NotBlank String name, @NotNull @Min(1) Integer places, LocalDate startsOn,
                                @Valid List<@Valid Part> parts, Colour colour, Boolean urgent) {
    }

    public record Part(@Size(min = 4, max = 4) String isced) {
    }

    public enum Colour { RED, GREEN }

    @GET
    public Page<String> list(@BeanParam @Valid PageRequest page, @QueryParam("colour") Colour colour,
                             @QueryParam("text") String text) {
        return Page.of(List.of(colour == null ? text == null ? "a" : text : colour.name()), page, 1);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public SampleRequest create(@Valid @NotNull SampleRequest request) {
        return request;
    }

    @PUT
    @Path("/{id}")
    public String rename(@PathParam("id") java.util.UUID id, @HeaderParam("If-Match") String ifMatch,
                         @QueryParam("country") @Pattern(regexp = "[A-Z]{2}|ZZZ") String country) {
        org.passerelle.runtime.http.Versions.required(ifMatch);
        return country;
    }

    @GET
    @Path("/conflict")
    public String conflict() {
        throw new ProblemException(ProblemType.CONFLICT);
    }

    @GET
    @Path("/broken")
    public String broken() {
        throw new IllegalStateException("a bug with a secret inside: jdbc:postgresql://db/identity");
    }
}
