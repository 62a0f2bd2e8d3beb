package org.atlas6;

import jakarta.persistence.*;

@Entity
public class Boat {
    @Id @GeneratedValue private Long id;
    private String name;
}
