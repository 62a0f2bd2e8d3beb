package org.example.multi.crm;

import jakarta.persistence.*;

/** A table of the default schema whose sequence lives in schema supportDesk (support_desk); the catalog is ignored. */
@Entity
public class Ticket {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_gen")
    @SequenceGenerator(name = "ticket_gen", sequenceName = "ticket_ids", schema = "supportDesk", catalog = "helpdesk")
    private Long id;

    @ManyToOne(optional = false)
    private Customer customer;

    @ManyToOne
    private org.example.multi.sales.Partner partner;
}
