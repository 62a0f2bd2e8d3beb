package org.example.multi.billing;

import jakarta.persistence.*;

@Entity
@Table(schema = "billing")
public class Invoice extends Document {
    @ManyToOne
    private org.example.multi.crm.Customer customer;
}
