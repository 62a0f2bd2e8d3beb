package com.acme.shop;

import com.acme.common.BaseEntity;
import jakarta.persistence.Entity;

/** An entity whose id, version and reference come from a library's generic @MappedSuperclass. */
@Entity
public class Customer extends BaseEntity<Long> {
    private String name;
}
