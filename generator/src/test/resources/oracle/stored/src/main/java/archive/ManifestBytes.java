package archive;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.nio.charset.StandardCharsets;

@Converter
public class ManifestBytes implements AttributeConverter<Manifest, byte[]> {
    @Override
    public byte[] convertToDatabaseColumn(Manifest m) {
        return m == null ? null : m.body().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Manifest convertToEntityAttribute(byte[] b) {
        return b == null ? null : new Manifest(new String(b, StandardCharsets.UTF_8));
    }
}
