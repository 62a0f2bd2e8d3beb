package org.example.multi.ops;

import jakarta.persistence.*;

@Entity
public class LoginEvent extends Event {
    private String username;

    @ManyToOne
    private org.example.multi.crm.Customer customer;
}
