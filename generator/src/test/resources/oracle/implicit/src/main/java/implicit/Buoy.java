package implicit;

import jakarta.persistence.*;

/** A one-column unique constraint on the id column. */
@Entity
@Table(uniqueConstraints = @UniqueConstraint(name = "uk_buoy_id", columnNames = "id"))
public class Buoy {
    @Id
    private Long id;
    private String colour;
}
