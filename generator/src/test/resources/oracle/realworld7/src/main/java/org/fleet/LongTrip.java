package org.fleet;
import jakarta.persistence.*;
@Entity
@DiscriminatorValue("LONG")
public class LongTrip extends Trip { private Integer stops; }
