package org.example.multi.sales;

import jakarta.persistence.*;
import org.example.multi.crm.Party;

/** A JOINED child in the default schema. */
@Entity
public class Person extends Party {
    private String lastName;
}
