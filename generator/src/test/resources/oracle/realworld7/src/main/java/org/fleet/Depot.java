package org.fleet;
import jakarta.persistence.*;
import org.hibernate.annotations.*;
@jakarta.persistence.Entity
@jakarta.persistence.Table(name = "depot")
public class Depot {
    @jakarta.persistence.Id @jakarta.persistence.GeneratedValue(strategy = jakarta.persistence.GenerationType.IDENTITY) private Long id;
    private String code;
    @CurrentTimestamp private java.time.Instant seenAt;
}
