package org.passerelle.curriculum;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.util.Objects;

/**
 * A compliance requirement of a catalogue item: the kind of paper, whether it must be valid for the whole stay
 * (or only at its start), and which side's coordinator checks it. An item names each kind once.
 */
@Embeddable
public class Requirement implements Comparable<Requirement> {

    /** The coordinator who checks the paper: the sending institution's or the receiving (host) institution's. */
    public enum CheckedBy { SENDING, RECEIVING }

    @Enumerated(EnumType.STRING)
    @Column(name = "requirement", nullable = false)
    public ComplianceRequirement kind;

    @Column(name = "valid_for_whole_stay", nullable = false)
    public boolean validForWholeStay;

    @Enumerated(EnumType.STRING)
    @Column(name = "checked_by", nullable = false)
    public CheckedBy checkedBy;

    protected Requirement() {
    }

    public Requirement(ComplianceRequirement kind, boolean validForWholeStay, CheckedBy checkedBy) {
        this.kind = Objects.requireNonNull(kind);
        this.validForWholeStay = validForWholeStay;
        this.checkedBy = Objects.requireNonNull(checkedBy);
    }

    /** The kind alone, as the catalogue used to say it: its usual validity, checked by the host. */
    public static Requirement of(ComplianceRequirement kind) {
        return new Requirement(kind, kind.wholeStayByDefault(), CheckedBy.RECEIVING);
    }

    @Override
    public int compareTo(Requirement other) {
        return kind.compareTo(other.kind);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Requirement r && r.kind == kind && r.validForWholeStay == validForWholeStay && r.checkedBy == checkedBy;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, validForWholeStay, checkedBy);
    }

    @Override
    public String toString() {
        return kind + (validForWholeStay ? " (whole stay" : " (at the start") + ", checked by " + checkedBy + ")";
    }
}
