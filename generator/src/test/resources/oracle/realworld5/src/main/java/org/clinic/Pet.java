package org.clinic;

import jakarta.persistence.*;
import java.time.LocalDate;

@Entity
@Table(name = "pets", indexes = {@Index(name = "pets_name", columnList = "name")})
public class Pet {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Integer id;
    @Column(name = "name", length = 30) private String name;
    private LocalDate birthDate;
    @ManyToOne @JoinColumn(name = "type_id") private PetType type;
    @ManyToOne(fetch = FetchType.LAZY) @JoinColumn(name = "owner_id") private Owner owner;
    @Column(name = "owner_id", insertable = false, updatable = false) private Integer ownerId;
    @Enumerated(EnumType.STRING) @Column(columnDefinition = "varchar(20)") private Sex sex;
    @OneToOne(optional = false, fetch = FetchType.LAZY) @JoinColumn(unique = true) private Chip chip;
}
