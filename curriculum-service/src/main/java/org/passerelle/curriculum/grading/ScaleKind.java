package org.passerelle.curriculum.grading;

/** How a grading scale writes its grades. */
public enum ScaleKind {
    /** A number between a minimum and a maximum, with a pass mark: French 0-20 (pass at 10), Chinese 0-100 (pass at 60). */
    NUMERIC,
    /** Labels in order, best first, the lowest passing one named: ECTS A, B, C, D, E, FX, F (pass at E). */
    LABELS,
    /** PASS or FAIL, for components that are not graded. */
    PASS_FAIL
}
