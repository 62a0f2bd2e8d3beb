package org.example.multi.sales;

import jakarta.persistence.*;
import org.example.multi.crm.Party;

/** A JOINED child in another schema than its root. */
@Entity
@Table(schema = "sales")
public class Company extends Party {
    private String vatNumber;
}
