package com.acme.core;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;

/** Stores a list of tags as one comma-separated string. */
@Converter
public class Tags implements AttributeConverter<List<String>, String> {
    @Override public String convertToDatabaseColumn(List<String> tags) { return tags == null ? null : String.join(",", tags); }
    @Override public List<String> convertToEntityAttribute(String s) { return s == null ? null : List.of(s.split(",")); }
}
