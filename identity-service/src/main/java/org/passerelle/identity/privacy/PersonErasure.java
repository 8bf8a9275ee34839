package org.passerelle.identity.privacy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.passerelle.identity.PersonKind;

import java.time.Instant;
import java.util.UUID;

/** That a person was erased, when, by whom and why: all that stays of them. */
@Entity
@Table(name = "person_erasure")
public class PersonErasure {

    @Id
    @Column(name = "person_id")
    public UUID personId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PersonKind kind;

    @Column(name = "institution_code", nullable = false)
    public String institution;

    @Column(nullable = false)
    public String reason;

    @Column(name = "erased_by", nullable = false)
    public String erasedBy;

    @Column(name = "erased_at", nullable = false)
    public Instant erasedAt;
}
