package org.passerelle.runtime.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names a domain event's payload record: the event ({@code AgreementActivated}), its version, and the aggregate
 * whose topic carries it ({@code agreement} -> {@code agreements.agreement.events}). Its JSON Schema lives in
 * docs/events/<service>/<name>.v<version>.schema.json.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

    String name();

    int version() default 1;

    String aggregate();
}
