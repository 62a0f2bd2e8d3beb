package org.example.multi.billing;

import jakarta.persistence.*;

@Entity
public class Receipt extends Document {
    private java.math.BigDecimal amount;
}
