package implicit;

import jakarta.persistence.*;

/** An @EmbeddedId whose class generates one of its attributes from a sequence. */
@Entity
public class Cargo {
    @EmbeddedId
    private CargoKey key;
    private Integer weight;

    @Embeddable
    public static class CargoKey implements java.io.Serializable {
        @SequenceGenerator(name = "cargo_ids", sequenceName = "cargo_seq", initialValue = 1000)
        @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cargo_ids")
        private Long serial;
        private Integer hold;
    }
}
