package catalog;

import jakarta.persistence.*;

import java.util.HashSet;
import java.util.Set;

@Entity
@DiscriminatorValue("DIGITAL")
public class DigitalProduct extends Product {
    private int downloadLimit;

    @Column(name = "license_seats", nullable = false)
    private int licenseSeats;

    @Basic(optional = false)
    private long fileSizeBytes;

    @Basic(optional = false)
    private String downloadUrl;

    @Embedded
    private Checksum checksum;

    @ElementCollection
    @CollectionTable(name = "digital_product_mirrors")
    @Column(name = "mirror_region")
    @Basic(optional = false)
    private Set<Integer> mirrorRegions = new HashSet<>();
}
