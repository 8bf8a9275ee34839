package org.passerelle.agreements;

/** What an agreement is: a framework with several partners, a bilateral exchange, or a research cooperation. */
public enum AgreementKind {
    FRAMEWORK,
    BILATERAL_EXCHANGE,
    RESEARCH_COOPERATION
}
