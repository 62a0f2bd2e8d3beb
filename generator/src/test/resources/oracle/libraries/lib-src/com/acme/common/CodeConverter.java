package com.acme.common;

import jakarta.persistence.AttributeConverter;

/** A generic base converter: its subclasses bind E. */
public abstract class CodeConverter<E extends Enum<E>> implements AttributeConverter<E, String> {
    private final Class<E> type;

    protected CodeConverter(Class<E> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(E value) {
        return value == null ? null : value.name().substring(0, 1);
    }

    @Override
    public E convertToEntityAttribute(String code) {
        if (code == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().startsWith(code)) {
                return e;
            }
        }
        throw new IllegalArgumentException(code);
    }
}
