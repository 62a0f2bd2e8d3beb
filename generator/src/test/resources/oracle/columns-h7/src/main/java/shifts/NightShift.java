package shifts;

import jakarta.persistence.*;

/** A subclass whose required attributes Hibernate 7 checks for its rows; its value defaults to the name's hash. */
@Entity
public class NightShift extends Shift {
    private int bonusPercent;

    @ManyToOne(optional = false)
    private Site site;

    private String supervisor;
}
