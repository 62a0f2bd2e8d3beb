package access;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.math.BigDecimal;

/** Field access declared on the embeddable, whatever its owner uses. */
@Embeddable
@Access(AccessType.FIELD)
public class Money {
    @Column(name = "amount", precision = 14, scale = 2)
    private BigDecimal amount;

    @Column(length = 3)
    private String currency;

    public BigDecimal getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    public boolean isZero() {
        return amount == null || amount.signum() == 0;
    }
}
