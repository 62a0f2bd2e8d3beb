package plant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import org.hibernate.annotations.GenericGenerator;
import org.hibernate.annotations.Parameter;

/** A subclass of SequenceStyleGenerator from the sources, with a sequence name. */
@Entity
public class Pump {
    @Id
    @GeneratedValue(generator = "pump_gen")
    @GenericGenerator(name = "pump_gen", type = PumpSequence.class, parameters = @Parameter(name = "sequence_name", value = "pump_serials"))
    private Long id;

    private String model;
}
