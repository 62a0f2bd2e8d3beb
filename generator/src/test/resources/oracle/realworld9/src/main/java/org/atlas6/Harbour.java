package org.atlas6;

import jakarta.persistence.*;
import java.util.Map;
import java.util.Set;

/**
 * @OrderColumn where no order is kept: Hibernate 6.6 adds no column for it; a Set marked with it is bound as a bag
 * (no primary key on its table).
 */
@Entity
public class Harbour {
    @Id @GeneratedValue private Long id;
    @ElementCollection @MapKeyColumn(name = "lang") @OrderColumn(name = "pos") private Map<String, String> names;
    @ElementCollection @OrderColumn private Set<String> berths;
    @ManyToMany @OrderColumn(name = "rank") private Set<Harbour> partners;
    @OneToMany @JoinColumn(name = "home_id") @OrderColumn(name = "slot") private Set<Boat> boats;
}
