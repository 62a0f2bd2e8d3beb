package org.example.library;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

@Entity
@DiscriminatorValue("2")
public class Dvd extends Item {
    private int minutes;
}
