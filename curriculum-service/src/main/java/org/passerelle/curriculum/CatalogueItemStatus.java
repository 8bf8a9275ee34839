package org.passerelle.curriculum;

/** A published item is in the catalogue; a withdrawn one is kept for the record but no longer offered. */
public enum CatalogueItemStatus {
    PUBLISHED,
    WITHDRAWN
}
