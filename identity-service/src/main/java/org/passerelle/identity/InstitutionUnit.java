package org.passerelle.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.EmbeddedColumnNaming;
import org.passerelle.runtime.text.LocalizedText;

import java.util.UUID;

/**
 * A faculty, hospital or department of an institution. Its id is stable across changes of the institution, so
 * that catalogue items can name the hospital and department where an internship happens.
 */
@Entity
@Table(name = "institution_unit")
public class InstitutionUnit {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "institution_id")
    Institution institution;

    /** The faculty or hospital a department belongs to; null at the top of the tree. */
    @Column(name = "parent_id")
    public UUID parentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public UnitKind kind;

    @Embedded
    @EmbeddedColumnNaming("name_%s")
    public LocalizedText name;

    /** True for demo units whose names are not known facts. */
    public boolean illustrative;

    /** Order among all units of the institution, parents before their children. */
    public int position;
}
