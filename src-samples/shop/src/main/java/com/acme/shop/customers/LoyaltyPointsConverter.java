package com.acme.shop.customers;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
public class LoyaltyPointsConverter implements AttributeConverter<LoyaltyPoints, Integer> {
    @Override
    public Integer convertToDatabaseColumn(LoyaltyPoints value) {
        return value == null ? null : value.value();
    }

    @Override
    public LoyaltyPoints convertToEntityAttribute(Integer value) {
        return value == null ? null : new LoyaltyPoints(value);
    }
}
