package com.acme.common;

import jakarta.persistence.AttributeConverter;

/** A library converter: AttributeConverter<Money, Long> is read from its class file's signature. */
public class MoneyConverter implements AttributeConverter<Money, Long> {
    @Override
    public Long convertToDatabaseColumn(Money money) {
        return money == null ? null : money.cents();
    }

    @Override
    public Money convertToEntityAttribute(Long cents) {
        return cents == null ? null : new Money(cents);
    }
}
