package edge;

import jakarta.persistence.*;

@Entity
@Table(name = "sports_car_with_a_very_long_table_name_that_postgres_will_truncate_x")
public class SportsCar extends Car {
    @Column(unique = true) private String nickname_with_a_long_column_name_that_needs_truncating;
    private int topSpeed;
}
