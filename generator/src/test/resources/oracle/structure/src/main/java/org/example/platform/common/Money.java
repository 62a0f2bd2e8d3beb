package org.example.platform.common;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import lombok.Getter;
import lombok.Setter;

import java.math.BigDecimal;

@Getter
@Setter
@Embeddable
public class Money implements EntityConstants {
    @Column(precision = AMOUNT_PRECISION, scale = 2)
    private BigDecimal amount;

    @Column(length = 3)
    private String currency;
}
