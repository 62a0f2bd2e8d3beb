package desk;

import jakarta.persistence.AssociationOverride;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MappedSuperclass;

/** An override on a mapped superclass, which its entity subclass's own override of the same name replaces. */
@MappedSuperclass
@AssociationOverride(name = "agent", joinColumns = @JoinColumn(name = "handed_from"))
@AssociationOverride(name = "ticket", joinColumns = @JoinColumn(name = "handed_ticket"))
public abstract class Handover extends Assignment {
}
