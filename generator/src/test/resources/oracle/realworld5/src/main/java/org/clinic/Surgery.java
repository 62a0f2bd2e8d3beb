package org.clinic;
import jakarta.persistence.*;
@Entity
@DiscriminatorValue("1")
public class Surgery extends Visit {
    private int durationMinutes;
    @Column(nullable = false) private String surgeon;
}
