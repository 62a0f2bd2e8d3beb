package org.clinic;
import jakarta.persistence.*;
import jakarta.validation.constraints.NotBlank;
@MappedSuperclass
public class Person extends BaseEntity {
    @Column(name = "first_name") @NotBlank private String firstName;
    @Column(name = "last_name") @NotBlank private String lastName;
}
