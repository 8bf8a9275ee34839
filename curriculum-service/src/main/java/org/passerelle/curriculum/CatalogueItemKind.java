package org.passerelle.curriculum;

public enum CatalogueItemKind {
    BASIC_COURSE,
    CLINICAL_INTERNSHIP,
    RESEARCH_PLACEMENT,
    SUMMER_PROGRAMME
}
