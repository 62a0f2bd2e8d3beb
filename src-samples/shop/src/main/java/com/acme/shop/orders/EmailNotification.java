package com.acme.shop.orders;

import jakarta.persistence.Entity;

@Entity
public class EmailNotification extends Notification {
    private String subject;
}
