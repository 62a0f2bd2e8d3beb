package access;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;

/** Shares the whole composite key of its order line. */
@Entity
public class OrderLineNote {
    @EmbeddedId
    private OrderLineId id;

    @OneToOne
    @MapsId
    private OrderLine line;

    private String text;
}
