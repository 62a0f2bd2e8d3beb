package org.shipping;

import jakarta.persistence.*;

@Entity
public class Route {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "route_ids")
    @SequenceGenerator(name = "route_ids", sequenceName = "route_id_seq", allocationSize = 5)
    private Long id;
    private String label;
}
