package org.example.platform.common;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;

import java.io.Serializable;

@Getter
@Setter
@MappedSuperclass
public abstract class NamedEntity<K extends Serializable> extends AuditableEntity<K> {
    @NotBlank
    @Size(max = NAME_MAX_SIZE)
    private String name;

    @Column(name = DESCRIPTION, length = 4 * NAME_MAX_SIZE)
    private String description;
}
