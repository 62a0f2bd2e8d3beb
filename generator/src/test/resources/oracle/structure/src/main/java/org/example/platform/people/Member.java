package org.example.platform.people;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import lombok.Getter;
import lombok.Setter;
import org.example.platform.common.AuditableEntity;

import java.util.UUID;

@Entity
@Getter
@Setter
public class Member extends AuditableEntity<UUID> {
    @Column(nullable = false, length = NAME_MAX_SIZE)
    private String email;

    private RecordStatus status;

    @Enumerated(EnumType.STRING)
    private AuditState lastAudit;
}
