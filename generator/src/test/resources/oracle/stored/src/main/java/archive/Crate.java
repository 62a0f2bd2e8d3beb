package archive;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;

/** Large objects through converters: the converter's database type with the LOB indicator. */
@Entity
public class Crate {
    @Id
    private Long id;

    private String label;

    @Convert(converter = ManifestText.class)
    @Lob
    @Basic(fetch = FetchType.LAZY)
    private Manifest manifest;

    @Convert(converter = ManifestBytes.class)
    @Lob
    private Manifest packedManifest;

    @Convert(converter = ManifestText.class)
    @Lob
    @Column(nullable = false, columnDefinition = "text")
    private Manifest notes;

    @Convert(converter = ShelfNumber.class)
    @Lob
    private Manifest shelf;

    @Convert(converter = ManifestText.class)
    @Column(length = 40)
    private Manifest summary;

    @Lob
    private String remarks;
}
