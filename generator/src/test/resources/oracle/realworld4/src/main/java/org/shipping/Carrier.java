package org.shipping;

import jakarta.persistence.*;

@Entity
public class Carrier {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "carrier_ids")
    @TableGenerator(name = "carrier_ids", table = "IdGen", pkColumnName = "genName", valueColumnName = "genValue",
            pkColumnValue = "carrier", allocationSize = 10)
    private Long id;
    private String name;
}
