package org.passerelle.identity.accounts;

import org.passerelle.identity.PersonKind;

/** The roles an account may be given through the API, each the realm role of the same name, for one kind of person. */
public enum AccountRole {
    COORDINATOR(PersonKind.STAFF),
    STUDENT(PersonKind.STUDENT),
    SUPERVISOR(PersonKind.STAFF);

    private final PersonKind holder;

    AccountRole(PersonKind holder) {
        this.holder = holder;
    }

    public boolean fits(PersonKind kind) {
        return holder == kind;
    }

    /** The realm role in Keycloak (and in the tokens). */
    public String realmRole() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
