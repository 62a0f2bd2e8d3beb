package desk;

import jakarta.persistence.AssociationOverride;
import jakarta.persistence.AssociationOverrides;
import jakarta.persistence.Entity;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;

/** Two relations overridden in a container, and the join table of a many-to-many. */
@Entity
@AssociationOverrides({
        @AssociationOverride(name = "ticket", joinColumns = @JoinColumn(name = "escalated_ticket",
                foreignKey = @ForeignKey(name = "escalation_ticket_fk"))),
        @AssociationOverride(name = "agent", joinColumns = @JoinColumn(name = "escalated_to"),
                foreignKey = @ForeignKey(name = "escalation_agent_fk")),
        @AssociationOverride(name = "reviewer", joinColumns = @JoinColumn(name = "escalation_reviewer")),
        @AssociationOverride(name = "watchers", joinTable = @JoinTable(name = "escalation_watchers",
                joinColumns = @JoinColumn(name = "escalation"), inverseJoinColumns = @JoinColumn(name = "watcher")))
})
public class Escalation extends Assignment {
    private int level;
}
