package plant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.hibernate.annotations.GenericGenerator;
import org.hibernate.id.enhanced.SequenceStyleGenerator;

/** The generator class itself, without parameters: the sequence is named after the generator. */
@Entity
public class Valve {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "valve_ids")
    @GenericGenerator(name = "valve_ids", type = SequenceStyleGenerator.class)
    private long id;

    private int diameter;
}
