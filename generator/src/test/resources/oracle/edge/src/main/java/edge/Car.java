package edge;

import jakarta.persistence.*;

@Entity
public class Car extends Vehicle {
    private int doors;
}
