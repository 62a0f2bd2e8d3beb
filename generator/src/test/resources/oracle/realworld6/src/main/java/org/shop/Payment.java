package org.shop;
import jakarta.persistence.*;
@Entity
@Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
public abstract class Payment {
    @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "pay") @SequenceGenerator(name = "pay", sequenceName = "payment_seq")
    private Long id;
    @Embedded private Money money;
}
