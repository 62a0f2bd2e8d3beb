package org.example.platform.common;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import lombok.Getter;
import lombok.Setter;

import java.io.Serializable;

/** Every entity has a generated id of its own type and an optimistic-lock version. */
@Getter
@Setter
@MappedSuperclass
public abstract class BaseEntity<T extends Serializable> implements Serializable {
    public static final int VERSION_START = 0;

    @Id
    @GeneratedValue
    private T id;

    @Version
    private Integer version = VERSION_START;
}
