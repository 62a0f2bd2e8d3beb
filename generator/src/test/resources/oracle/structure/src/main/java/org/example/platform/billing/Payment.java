package org.example.platform.billing;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.ManyToOne;
import lombok.Getter;
import lombok.Setter;
import org.example.platform.common.BaseEntity;

import java.math.BigDecimal;

@Entity
@DiscriminatorColumn(name = "payment_method", length = 20)
@Getter
@Setter
public abstract class Payment extends BaseEntity<Long> {
    /** The discriminator values, readable from the entity. */
    public enum Method { CARD, TRANSFER }

    @Enumerated(EnumType.STRING)
    @Column(name = "payment_method", insertable = false, updatable = false)
    private Method method;

    @Column(precision = AMOUNT_PRECISION, scale = 2)
    private BigDecimal amount;

    @ManyToOne
    private Invoice invoice;

    /** Every payment implements the platform's constants through this interface. */
    public interface Constants extends org.example.platform.common.EntityConstants {
        int REFERENCE_SIZE = 40;
    }

    private static final int AMOUNT_PRECISION = Constants.AMOUNT_PRECISION;
}
