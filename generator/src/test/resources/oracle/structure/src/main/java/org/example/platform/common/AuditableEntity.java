package org.example.platform.common;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import lombok.Getter;
import lombok.Setter;

import java.io.Serializable;
import java.time.Instant;

@Getter
@Setter
@MappedSuperclass
public abstract class AuditableEntity<ID extends Serializable> extends BaseEntity<ID> implements EntityConstants {
    /** The audit trail's states. */
    public enum AuditState { CREATED, MODIFIED }

    @Column(name = CREATED_BY, length = NAME_MAX_SIZE)
    private String createdBy;

    @Column(nullable = false)
    private Instant createdAt;

    private AuditState auditState;
}
