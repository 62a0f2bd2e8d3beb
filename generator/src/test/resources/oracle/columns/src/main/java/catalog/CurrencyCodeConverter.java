package catalog;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter
public class CurrencyCodeConverter implements AttributeConverter<CurrencyCode, String> {
    @Override
    public String convertToDatabaseColumn(CurrencyCode code) {
        return code == null ? null : code.name();
    }

    @Override
    public CurrencyCode convertToEntityAttribute(String code) {
        return code == null ? null : CurrencyCode.valueOf(code);
    }
}
