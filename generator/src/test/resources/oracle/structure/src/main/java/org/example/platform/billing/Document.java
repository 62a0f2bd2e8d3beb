package org.example.platform.billing;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import lombok.Getter;
import lombok.Setter;
import org.example.platform.common.BaseEntity;

@Entity
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "document_type")
@Getter
@Setter
public abstract class Document extends BaseEntity<Long> {
    /** How a document was issued. */
    public enum Channel { PAPER, EMAIL, PORTAL }

    @Column(name = "document_type", insertable = false, updatable = false)
    private String documentType;

    @Column(length = 200)
    protected String title;
}
