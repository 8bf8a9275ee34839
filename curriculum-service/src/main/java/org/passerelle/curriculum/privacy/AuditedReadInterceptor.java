package org.passerelle.curriculum.privacy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.passerelle.curriculum.api.HolderView;
import org.passerelle.runtime.events.Outbox;
import org.passerelle.runtime.paging.Page;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * After a read answered seat holders' person ids, records who read whose data, in its own transaction. Holders
 * whose ids were withheld from the caller are not a read of personal data.
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
        List<UUID> people = people(answer).stream().filter(Objects::nonNull).distinct().toList();
        if (!people.isEmpty()) {
            String resource = context.getMethod().getAnnotation(AuditedRead.class).value();
            Object institution = token.getClaim("institution");
            var read = new PersonalDataRead(token.getSubject(), institution == null ? null : institution.toString(), resource,
                    people, Instant.now());
            QuarkusTransaction.requiringNew().run(() -> outbox.append(read.actor() == null ? "anonymous" : read.actor(), read));
        }
        return answer;
    }

    private static List<UUID> people(Object answer) {
        if (answer instanceof Page<?> page) {
            return page.items().stream().filter(HolderView.class::isInstance).map(h -> ((HolderView) h).personId()).toList();
        }
        if (answer instanceof PersonalDataResource.Part part) {
            return part.seats().stream().map(PersonalDataResource.Seat::personId).toList();
        }
        return List.of();
    }
}
