package plant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.GenericGenerator;

/** A table of another schema: the generator's sequence stays where Hibernate puts it. */
@Entity
@Table(schema = "works")
public class Boiler {
    @Id
    @GeneratedValue(generator = "boiler_gen")
    @GenericGenerator(name = "boiler_gen", strategy = "enhanced-sequence")
    private Long id;

    private int capacity;
}
