package org.passerelle.mobility.documents;

/** A document version's review: SUBMITTED until a coordinator ACCEPTED or REJECTED it; EXPIRED once its validity ended. */
public enum DocumentStatus { SUBMITTED, ACCEPTED, REJECTED, EXPIRED }
