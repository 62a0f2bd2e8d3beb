package com.acme.shop.orders;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;

@Entity
public class SmsNotification extends Notification {
    @Column(length = 160)
    private String body;
}
