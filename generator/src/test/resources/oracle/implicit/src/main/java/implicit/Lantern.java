package implicit;

import jakarta.persistence.*;

/** Several @Id attributes, one of them a relation, inherited from a mapped superclass; no @IdClass. */
@Entity
public class Lantern extends Fixture {
    @Id
    private Integer position;
    private String colour;
}
