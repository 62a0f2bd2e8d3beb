package catalog;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
public class Checksum {
    @Basic(optional = false)
    @Column(name = "checksum_algorithm")
    private int algorithm;

    @Column(name = "checksum_value", length = 128)
    private String value;

    @Column(name = "checksum_verified", nullable = false)
    private boolean verified;
}
