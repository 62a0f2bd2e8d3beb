package org.shop;
import jakarta.persistence.*;
import java.math.BigDecimal;
@Embeddable
public class Money {
    @Column(precision = 19, scale = 4) private BigDecimal amount;
    @Column(length = 3) private String currency;
}
