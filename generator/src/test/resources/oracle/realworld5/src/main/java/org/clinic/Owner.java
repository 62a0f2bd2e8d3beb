package org.clinic;

import static org.clinic.Limits.LONG;

import jakarta.persistence.*;
import jakarta.validation.constraints.*;
import java.util.*;

@Entity
@Table(name = "owners")
@EntityListeners(Object.class)
@Cacheable
public class Owner {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Integer id;
    @NotEmpty @Column(length = LONG) private String address;
    @Column(length = Limits.SHORT) private String city;
    @Digits(fraction = 0, integer = 10) private String telephone;
    @OneToMany(cascade = CascadeType.ALL, mappedBy = "owner") @OrderBy("name") private List<Pet> pets = new ArrayList<>();
    @OneToMany @MapKey(name = "name") @JoinColumn(name = "favourite_owner_id") private Map<String, Pet> favourites = new HashMap<>();
    @Convert(converter = org.hibernate.type.YesNoConverter.class) private boolean vip;
    @Convert(converter = org.hibernate.type.TrueFalseConverter.class) private Boolean active;
    @Convert(converter = org.hibernate.type.NumericBooleanConverter.class) private Boolean verified;
    @Lob private byte[] photo;
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.JSON) private Preferences preferences;
    @PrePersist void touch() {}
}
