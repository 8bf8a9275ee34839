package org.passerelle.runtime.privacy;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A read that answers people's personal data: each call that answers some publishes PersonalDataRead. */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface AuditedRead {

    /** The operation, as the audit log shows it, e.g. "GET /api/mobilities/{id}". */
    @Nonbinding
    String value();
}
