package org.passerelle.curriculum;

/** The term of the academic year in which a basic course is taught. */
public enum Term {
    AUTUMN,
    SPRING,
    SUMMER
}
