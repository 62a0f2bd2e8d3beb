package edge;

import jakarta.persistence.*;

@Entity
@DiscriminatorValue("A")
@DiscriminatorColumn(discriminatorType = DiscriminatorType.CHAR)
public class Animal {
    @Id @GeneratedValue private Long id;
    private String name;
}
