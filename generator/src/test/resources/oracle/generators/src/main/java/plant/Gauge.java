package plant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import org.hibernate.annotations.GenericGenerator;
import org.hibernate.annotations.Parameter;

/** Declared on the class, by the class's full name, with an optimizer (which changes no DDL). */
@Entity
@GenericGenerator(name = "gauge_gen", strategy = "org.hibernate.id.enhanced.SequenceStyleGenerator", parameters = {
        @Parameter(name = "sequence_name", value = "GaugeNumbers"),
        @Parameter(name = "optimizer", value = "pooled-lo"),
        @Parameter(name = "increment_size", value = "5")})
public class Gauge {
    @Id
    @GeneratedValue(generator = "gauge_gen")
    private Integer id;

    private double pressure;
}
