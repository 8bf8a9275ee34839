package org.passerelle.runtime.security;

/**
 * The institutions identity-service knows, as this service keeps them from identity's InstitutionRegistered and
 * InstitutionChanged events (or, in identity-service, its own records). Read on every request, so never a call to
 * another service. Every service provides one bean.
 */
public interface InstitutionDirectory {

    /** Whether the SCHAC code, current or previous, names an institution identity-service registered. */
    boolean isKnown(String schacCode);
}
