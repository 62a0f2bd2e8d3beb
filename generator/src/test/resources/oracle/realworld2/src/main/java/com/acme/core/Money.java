package com.acme.core;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** An amount in a currency, as a record. */
@Embeddable
public record Money(@Column(precision = 19, scale = 4) BigDecimal amount, @Column(length = 3) String currency) {
}
