package org.example.platform.common;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import lombok.Getter;
import lombok.Setter;

import java.io.Serializable;

/** Reference data keyed by a natural code. */
@Getter
@Setter
@MappedSuperclass
public abstract class CodedEntity<C extends Serializable> implements Serializable, EntityConstants {
    @Id
    @Column(length = CODE_MAX_SIZE)
    private C code;

    @Column(length = NAME_MAX_SIZE)
    private String label;
}
