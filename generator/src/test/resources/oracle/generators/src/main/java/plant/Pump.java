package plant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import org.hibernate.annotations.GenericGenerator;
import org.hibernate.annotations.Parameter;

/** The generator class by its type, with a sequence name only. */
@Entity
public class Pump {
    @Id
    @GeneratedValue(generator = "pump_gen")
    @GenericGenerator(name = "pump_gen", type = org.hibernate.id.enhanced.SequenceStyleGenerator.class, parameters = @Parameter(name = "sequence_name", value = "pump_serials"))
    private Long id;

    private String model;
}
