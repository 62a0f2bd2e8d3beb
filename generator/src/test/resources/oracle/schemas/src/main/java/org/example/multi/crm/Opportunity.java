package org.example.multi.crm;

import jakarta.persistence.*;

/** A sequence named like Lead's (lead_ids, in the default schema) but in schema crm, with other settings. */
@Entity
@Table(schema = "crm")
public class Opportunity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "opportunity_gen")
    @SequenceGenerator(name = "opportunity_gen", sequenceName = "lead_ids", schema = "crm", initialValue = 100, allocationSize = 5)
    private Long id;

    @ManyToOne
    private Lead lead;
}
