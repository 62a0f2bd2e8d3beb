package org.fleet;

import jakarta.persistence.*;
import java.util.*;
import org.hibernate.annotations.*;

@jakarta.persistence.Entity
@jakarta.persistence.Table(name = "trip")
@jakarta.persistence.Inheritance(strategy = jakarta.persistence.InheritanceType.SINGLE_TABLE)
@DiscriminatorFormula("case when distance_km > 100 then 'LONG' else 'SHORT' end")
@jakarta.persistence.DiscriminatorValue("SHORT")
public class Trip {
    @jakarta.persistence.Id @jakarta.persistence.GeneratedValue private Long id;
    private int distanceKm;
}
