package access;

import jakarta.persistence.ForeignKey;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

/** A derived key of a derived key: customer → profile → loyalty account. */
@Entity
public class LoyaltyAccount {
    @Id
    private Long profileId;

    @OneToOne
    @MapsId
    @JoinColumn(name = "profile_ref", foreignKey = @ForeignKey(name = "fk_loyalty_profile"))
    @OnDelete(action = OnDeleteAction.CASCADE)
    private CustomerProfile profile;

    private int points;

    private String tier;
}
