package implicit;

import jakarta.persistence.*;

/** Several @Id attributes (declared out of name order) and relations to an entity keyed by them. */
@Entity
public class Tide implements java.io.Serializable {
    @Id
    private Long station;
    @Id
    @Column(name = "at_hour")
    private Integer hour;
    @Id
    private String basin;
    private double height;
}
