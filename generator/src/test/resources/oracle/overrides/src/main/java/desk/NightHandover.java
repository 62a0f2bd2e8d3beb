package desk;

import jakarta.persistence.AssociationOverride;
import jakarta.persistence.Entity;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.JoinColumn;

@Entity
@AssociationOverride(name = "agent", joinColumns = @JoinColumn(name = "night_agent"))
@AssociationOverride(name = "owner", joinColumns = @JoinColumn(name = "night_owner"),
        foreignKey = @ForeignKey(name = "night_owner_fk"))
public class NightHandover extends Handover {
    private String shift;
}
