package catalog;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Stores a flat attribute map as {@code {"k":"v",...}} text. */
@Converter
public class AttributesConverter implements AttributeConverter<Map<String, String>, String> {
    @Override
    public String convertToDatabaseColumn(Map<String, String> attributes) {
        if (attributes == null) {
            return null;
        }
        return attributes.entrySet().stream().map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }

    @Override
    public Map<String, String> convertToEntityAttribute(String json) {
        var result = new LinkedHashMap<String, String>();
        if (json == null || json.length() < 2) {
            return result;
        }
        for (String pair : json.substring(1, json.length() - 1).split(",")) {
            String[] kv = pair.split(":", 2);
            if (kv.length == 2) {
                result.put(kv[0].replace("\"", ""), kv[1].replace("\"", ""));
            }
        }
        return result;
    }
}
