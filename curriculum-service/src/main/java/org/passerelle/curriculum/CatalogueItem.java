package org.passerelle.curriculum;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.EmbeddedColumnNaming;
import org.passerelle.runtime.text.LocalizedText;

import java.time.Instant;
import java.util.UUID;

/** Something a mobile student can follow: a basic course, a clinical internship, a research placement, a summer programme. */
@Entity
@Table(name = "catalogue_item")
public class CatalogueItem {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CatalogueItemKind kind;

    @Embedded
    @EmbeddedColumnNaming("title_%s")
    public LocalizedText title;

    /** BCP 47 language tag: fr, en, zh. */
    @Column(name = "teaching_language", nullable = false)
    public String teachingLanguage;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;

    @Version
    public long version;
}
