package archive;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter
public class ManifestText implements AttributeConverter<Manifest, String> {
    @Override
    public String convertToDatabaseColumn(Manifest m) {
        return m == null ? null : m.body();
    }

    @Override
    public Manifest convertToEntityAttribute(String s) {
        return s == null ? null : new Manifest(s);
    }
}
