package org.passerelle.runtime.privacy;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.Response;
import org.passerelle.runtime.security.Caller;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * After a read answered people's data, records who read whose data before the answer leaves ({@link ReadAudit}: by
 * group commit, outside the read's transaction). The service's {@link PeopleInAnswers} says whose data an answer holds.
 */
@AuditedRead("")
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class AuditedReadInterceptor {

    @Inject
    ReadAudit audit;

    @Inject
    Caller caller;

    @Inject
    Instance<PeopleInAnswers> answers; // only services with audited reads provide one

    @AroundInvoke
    Object record(InvocationContext context) throws Exception {
        Object answer = context.proceed();
        Object entity = answer instanceof Response response ? response.getEntity() : answer;
        List<UUID> people = answers.get().peopleIn(entity).stream().filter(Objects::nonNull).distinct().toList();
        if (!people.isEmpty()) {
            String resource = context.getMethod().getAnnotation(AuditedRead.class).value();
            var read = new PersonalDataRead(caller.subject(), caller.institution().orElse(null), resource, people, Instant.now());
            audit.record(read);
        }
        return answer;
    }
}
