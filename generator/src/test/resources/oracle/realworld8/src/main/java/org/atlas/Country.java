package org.atlas;

import jakarta.persistence.*;

@Entity
public class Country {
    @Id @GeneratedValue private Long id;
    @Column(unique = true) private String code;
}
