package desk;

import jakarta.persistence.AssociationOverride;
import jakarta.persistence.Entity;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.JoinColumn;

/** The join column renamed, with the foreign key's name on the override. */
@Entity
@AssociationOverride(name = "ticket", joinColumns = @JoinColumn(name = "labelled_ticket"),
        foreignKey = @ForeignKey(name = "ticket_label_ticket_fk"))
public class TicketLabel extends TicketData<String> {
}
