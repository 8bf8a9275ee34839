package org.passerelle.runtime.http;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.passerelle.runtime.security.Caller;

import java.net.URI;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A creation under an Idempotency-Key that a test can hold in the middle, as a long bulk would be. */
@Path("/api/samples/once")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("coordinator")
public class SampleCreationResource {

    public record SampleRequest(@NotBlank String name) {
    }

    public record SampleView(UUID id, String name) {
    }

    /** Where the first creation of a sample named "held..." waits, key held, until the test lets it go on. */
    static volatile CountDownLatch entered = new CountDownLatch(1);
    static volatile CountDownLatch released = new CountDownLatch(0);

    @Inject
    IdempotentCreations creations;

    @Inject
    EntityManager entityManager;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "The sample")
    @APIResponse(responseCode = "409", description = "A sample of that name exists (urn:passerelle:problem:conflict)")
    public Response create(@Valid @NotNull SampleRequest request, @HeaderParam("Idempotency-Key") String key) {
        return creations.create(caller.subject(), key, request, () -> {
            if (request.name().startsWith("held") && entered.getCount() > 0) { // the first one only
                entered.countDown();
                await();
            }
            UUID id = UUID.randomUUID();
            entityManager.createNativeQuery("insert into sample (id, name) values (?1, ?2)")
                    .setParameter(1, id).setParameter(2, request.name()).executeUpdate();
            return new IdempotentCreations.Created(URI.create("/api/samples/" + id), new SampleView(id, request.name()), null);
        });
    }

    private static void await() {
        try {
            if (!released.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the creation");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
