package catalog;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Outer measurements of a packed product. */
@Embeddable
public class Dimensions {
    private double width;

    @Column(name = "height_cm")
    private double height;

    @Basic(optional = false)
    private double depth;

    @Column(name = "pack_count", nullable = false)
    private int packCount;
}
