package org.passerelle.curriculum.grading;

import org.passerelle.runtime.problem.InvalidFieldsException;

import java.util.List;

/** Checks a grade of a request against its scale, naming the field. */
public final class Grades {

    private Grades() {
    }

    public static void requireIn(GradingScale scale, String grade, String field) {
        scale.refusal(grade).ifPresent(r -> {
            throw new InvalidFieldsException(List.of(new InvalidFieldsException.InvalidField(field, r.reasonKey(), r.arguments())));
        });
    }
}
