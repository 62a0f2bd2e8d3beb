package org.example.multi.crm;

import jakarta.persistence.*;

/** A schema-qualified sequence name and a schema element that names another schema. */
@Entity
public class PhoneCall {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "call_gen")
    @SequenceGenerator(name = "call_gen", sequenceName = "crm.callIds", schema = "sales")
    private Long id;
}
