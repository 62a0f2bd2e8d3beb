package archive;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Converts to a number: {@code @Lob} leaves such a column as it is. */
@Converter
public class ShelfNumber implements AttributeConverter<Manifest, Long> {
    @Override
    public Long convertToDatabaseColumn(Manifest m) {
        return m == null ? null : Long.valueOf(m.body().length());
    }

    @Override
    public Manifest convertToEntityAttribute(Long l) {
        return l == null ? null : new Manifest("#" + l);
    }
}
