package org.atlas6;

import jakarta.persistence.*;
import org.hibernate.annotations.PartitionKey;

/** @PartitionKey changes no DDL on Hibernate 6.6; Hibernate 7 adds its column to the primary key (keel refuses it on 7). */
@Entity
public class Boat {
    @Id @GeneratedValue private Long id;
    private String name;
    @PartitionKey private String region;
}
