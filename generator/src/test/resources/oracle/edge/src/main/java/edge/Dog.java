package edge;

import jakarta.persistence.*;

@Entity
@DiscriminatorValue("D")
public class Dog extends Animal {
    @ManyToOne(optional = false) private Owner owner;
    @Column(nullable = false) private Integer age;
    private boolean goodBoy;
    @Enumerated(EnumType.STRING) private Status status;
}
