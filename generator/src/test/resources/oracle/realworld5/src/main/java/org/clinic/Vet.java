package org.clinic;

import jakarta.persistence.*;
import java.util.*;

@Entity
@Table(name = "vets")
public class Vet extends Person {
    @ManyToMany(fetch = FetchType.EAGER)
    @JoinTable(name = "vet_specialties", joinColumns = @JoinColumn(name = "vet_id"), inverseJoinColumns = @JoinColumn(name = "specialty_id"))
    private Set<Specialty> specialties;
    @ElementCollection @CollectionTable(name = "vet_phone") @Column(name = "phone", length = 20) @OrderColumn private List<String> phones;
}
