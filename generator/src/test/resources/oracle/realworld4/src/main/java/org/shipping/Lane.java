package org.shipping;

import jakarta.persistence.*;

/** TABLE naming a generator nobody declares. */
@Entity
public class Lane {
    @Id @GeneratedValue(strategy = GenerationType.TABLE, generator = "lane_ids") private Long id;
    private String label;
}
