package implicit;

import jakarta.persistence.*;

/** Several @Id attributes, one generated from a sequence: Hibernate generates that part of the key. */
@Entity
public class Voyage implements java.io.Serializable {
    @Id
    @SequenceGenerator(name = "voyage_ids", sequenceName = "voyage_number_seq", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.AUTO, generator = "voyage_ids")
    private Long number;
    @Id
    private String vessel;
    private java.time.LocalDate departs;
}
