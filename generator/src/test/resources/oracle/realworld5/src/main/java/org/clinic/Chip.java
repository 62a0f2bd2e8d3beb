package org.clinic;
import jakarta.persistence.*;
@Entity
public class Chip {
    @Id private String code;
    @OneToOne(mappedBy = "chip") private Pet pet;
}
