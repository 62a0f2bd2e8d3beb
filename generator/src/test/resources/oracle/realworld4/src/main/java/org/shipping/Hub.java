package org.shipping;

import jakarta.persistence.*;

/** Shares Hibernate's default generator table with Shipment. */
@Entity
public class Hub {
    @Id @GeneratedValue(strategy = GenerationType.TABLE) private long id;
    private String code;
}
