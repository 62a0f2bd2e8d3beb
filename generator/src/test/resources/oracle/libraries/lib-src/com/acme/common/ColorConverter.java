package com.acme.common;

public class ColorConverter extends CodeConverter<Color> {
    public ColorConverter() {
        super(Color.class);
    }
}
