package org.shipping;
import jakarta.persistence.*;
@Embeddable
public record Stop(@Column(nullable = false) String place, int minutes) {}
