package plant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import org.hibernate.annotations.GenericGenerator;
import org.hibernate.annotations.Parameter;

/** Every parameter that shapes the sequence, by the strategy's short name. */
@Entity
public class Meter {
    @Id
    @GeneratedValue(generator = "meter_numbers")
    @GenericGenerator(name = "meter_numbers", strategy = "enhanced-sequence", parameters = {
            @Parameter(name = "sequence_name", value = "meter_serials"),
            @Parameter(name = "increment_size", value = "10"),
            @Parameter(name = "initial_value", value = "100")})
    private Long id;

    private String location;
}
