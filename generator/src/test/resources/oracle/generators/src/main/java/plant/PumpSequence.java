package plant;

import org.hibernate.id.enhanced.SequenceStyleGenerator;

/** A subclass of Hibernate's sequence generator that keeps its configuration (only a label for logs). */
public class PumpSequence extends SequenceStyleGenerator {
    @Override
    public String toString() {
        return "pump ids";
    }
}
