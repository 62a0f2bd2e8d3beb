package org.example.multi.sales;

import jakarta.persistence.*;

/** A camel-case schema name (snake_case naming turns it into partner_data). */
@Entity
@Table(schema = "partnerData")
public class Partner {
    @Id
    @GeneratedValue(strategy = GenerationType.AUTO)
    private Long id;

    @Column(nullable = false)
    private String name;

    @ManyToOne
    private Company company;
}
