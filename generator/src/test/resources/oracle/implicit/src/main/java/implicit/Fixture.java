package implicit;

import jakarta.persistence.*;

@MappedSuperclass
public abstract class Fixture implements java.io.Serializable {
    @Id
    @ManyToOne
    @JoinColumn(name = "logbook_id")
    private Logbook logbook;
    private java.time.Instant fitted;
}
