package org.passerelle.mobility.privacy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.passerelle.mobility.api.MobilityResource;
import org.passerelle.mobility.api.MobilityView;
import org.passerelle.runtime.events.Outbox;
import org.passerelle.runtime.paging.Page;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * After a read answered mobilities, records who read whose data, in its own transaction: the answer is given
 * whether or not the read's transaction had one.
 */
@AuditedRead("")
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class AuditedReadInterceptor {

    @Inject
    Outbox outbox;

    @Inject
    JsonWebToken token;

    @AroundInvoke
    Object record(InvocationContext context) throws Exception {
        Object answer = context.proceed();
        List<UUID> people = mobilities(answer).stream().map(m -> m.person().personId()).distinct().toList();
        if (!people.isEmpty()) {
            String resource = context.getMethod().getAnnotation(AuditedRead.class).value();
            Object institution = token.getClaim("institution");
            var read = new PersonalDataRead(token.getSubject(), institution == null ? null : institution.toString(), resource,
                    people, Instant.now());
            QuarkusTransaction.requiringNew().run(() -> outbox.append(read.actor() == null ? "anonymous" : read.actor(), read));
        }
        return answer;
    }

    private static List<MobilityView> mobilities(Object answer) {
        Object entity = answer instanceof Response response ? response.getEntity() : answer;
        if (entity instanceof MobilityView one) {
            return List.of(one);
        }
        List<?> items = entity instanceof Page<?> page ? page.items()
                : entity instanceof MobilityResource.ChangesView changes ? changes.items()
                : entity instanceof PersonalDataResource.Part part ? part.mobilities() : List.of();
        return items.stream().filter(MobilityView.class::isInstance).map(MobilityView.class::cast).toList();
    }
}
