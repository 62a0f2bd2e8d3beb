package org.shipping;

import jakarta.persistence.*;

@Entity
@TableGenerator(name = "depot_ids", table = "depot_gen", schema = "ids", initialValue = 100)
public class Depot {
    @Id @GeneratedValue(generator = "depot_ids") private Integer id;
    private String city;
}
