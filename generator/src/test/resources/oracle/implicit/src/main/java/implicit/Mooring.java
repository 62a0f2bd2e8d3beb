package implicit;

import jakarta.persistence.*;

/** An @EmbeddedId class and an @Embedded class without @Embeddable, which Hibernate maps all the same. */
@Entity
@Table(indexes = @Index(name = "idx_mooring_rope", columnList = "rope_grade, rope_length"))
public class Mooring {
    @EmbeddedId
    private MooringKey key;

    @Embedded
    private Rope rope;

    private String note;

    public static class MooringKey implements java.io.Serializable {
        private String harbour;
        @Column(name = "ring_no")
        private int ring;
    }
}
