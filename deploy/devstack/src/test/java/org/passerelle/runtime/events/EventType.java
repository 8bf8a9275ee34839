package org.passerelle.runtime.events;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** Stands for the service runtime's annotation of the same name, which EventContracts recognises by name. */
@Retention(RetentionPolicy.RUNTIME)
public @interface EventType {

    String name();

    int version() default 1;

    String aggregate();
}
