package org.passerelle.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.hibernate.annotations.EmbeddedColumnNaming;
import org.passerelle.runtime.text.LocalizedText;

import java.time.Instant;
import java.util.UUID;

/** A university, school or hospital taking part in the cooperation, known by its SCHAC code. */
@Entity
public class Institution {

    @Id
    public UUID id;

    @Column(name = "schac_code", nullable = false, unique = true)
    public String schacCode;

    @Embedded
    @EmbeddedColumnNaming("name_%s")
    public LocalizedText name;

    @Column(name = "country_code", nullable = false)
    public String countryCode;

    /** True for demo institutions whose details are not known facts. */
    public boolean illustrative;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;

    @Version
    public long version;
}
