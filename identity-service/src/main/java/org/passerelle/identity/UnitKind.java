package org.passerelle.identity;

/** What a unit of an institution is; a department belongs to a hospital or a faculty. */
public enum UnitKind {
    FACULTY,
    HOSPITAL,
    DEPARTMENT;

    /** Whether a unit of this kind may stand at the top of an institution's tree. */
    public boolean isTopLevel() {
        return this != DEPARTMENT;
    }

    /** Whether a unit of this kind may contain one of {@code child}'s kind. */
    public boolean canContain(UnitKind child) {
        return this != DEPARTMENT && child == DEPARTMENT;
    }
}
