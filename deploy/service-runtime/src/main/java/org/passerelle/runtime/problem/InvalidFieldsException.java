package org.passerelle.runtime.problem;

import java.util.ArrayList;
import java.util.List;

/**
 * A rule of the domain that spans fields (the last year before the first, a minimum above the maximum) broken
 * by a request: answered as a validation problem naming each field, with its reason in the caller's language
 * (message key in the bundles, arguments after MessageFormat).
 */
public class InvalidFieldsException extends RuntimeException {

    public record InvalidField(String field, String reasonKey, Object... arguments) {
    }

    private final transient List<InvalidField> fields;

    public InvalidFieldsException(List<InvalidField> fields) {
        super("invalid fields " + fields.stream().map(InvalidField::field).toList(), null, false, false);
        this.fields = List.copyOf(fields);
    }

    public List<InvalidField> fields() {
        return fields;
    }

    /** Collects the broken rules of one request, then throws them together. */
    public static final class Collector {

        private final List<InvalidField> fields = new ArrayList<>();

        public Collector check(boolean holds, String field, String reasonKey, Object... arguments) {
            if (!holds) {
                fields.add(new InvalidField(field, reasonKey, arguments));
            }
            return this;
        }

        public void throwIfAny() {
            if (!fields.isEmpty()) {
                throw new InvalidFieldsException(fields);
            }
        }
    }
}
