package implicit;

import jakarta.persistence.*;

/** Several @Id attributes and no @IdClass: Hibernate takes the entity as its own id class. */
@Entity
@Table(name = "berth", uniqueConstraints = @UniqueConstraint(name = "uk_berth_label", columnNames = "label"))
public class Berth implements java.io.Serializable {
    @Id
    private String quay;
    @Id
    private Integer slot;
    @Column(length = 40)
    private String label;
    private java.time.LocalDate reserved;
}
