package org.passerelle.runtime.privacy;

import java.util.List;
import java.util.UUID;

/** What a service knows of its own answers: whose personal data an answer of an {@link AuditedRead} method holds. */
public interface PeopleInAnswers {

    /** The ids of the people whose data the answer shows (an empty list when it shows none). */
    List<UUID> peopleIn(Object answer);
}
