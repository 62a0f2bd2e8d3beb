package org.example.platform.common;

import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import lombok.Getter;
import lombok.Setter;
import lombok.experimental.FieldNameConstants;

import java.util.UUID;

/** Something that belongs to an owner entity. */
@Getter
@Setter
@MappedSuperclass
@FieldNameConstants
public abstract class OwnedEntity<O extends BaseEntity<?>> extends BaseEntity<UUID> {
    @ManyToOne(optional = false)
    @JoinColumn(name = "owner_id")
    private O owner;
}
