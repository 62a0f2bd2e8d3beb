package org.fleet;
import jakarta.persistence.*;
@Entity
@PrimaryKeyJoinColumns({@PrimaryKeyJoinColumn(name = "truck_id")})
public class Truck extends Vehicle { private double payloadTons; }
