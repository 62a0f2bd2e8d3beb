package desk;

import jakarta.persistence.AssociationOverride;
import jakarta.persistence.Entity;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Table;

/** The foreign key's name alone. */
@Entity
@Table(name = "ticket_inputs")
@AssociationOverride(name = "ticket", foreignKey = @ForeignKey(name = "ticket_inputs_ticket_fk"))
public class TicketInput extends TicketData<byte[]> {
}
