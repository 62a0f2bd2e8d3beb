package com.example.app;

import jakarta.persistence.*;

@Entity
public class Truck extends Vehicle {
    @Column(nullable = false)
    private int axles;
}
