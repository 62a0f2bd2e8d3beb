package org.atlas;

import jakarta.persistence.Embeddable;
import org.hibernate.annotations.Parent;

/** An embeddable pointing back at its owner: @Parent maps no column. */
@Embeddable
public class Boundary {
    private Double north;
    private Double south;
    @Parent private Region region;

    public Region getRegion() {
        return region;
    }

    public void setRegion(Region region) {
        this.region = region;
    }
}
