package plant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import org.hibernate.annotations.GenericGenerator;
import org.hibernate.annotations.Parameter;

/** The strategy "sequence", with a start only. */
@Entity
public class Tap {
    @Id
    @GeneratedValue(generator = "tap_gen")
    @GenericGenerator(name = "tap_gen", strategy = "sequence", parameters = @Parameter(name = "initial_value", value = "7"))
    private Long id;
}
