package access;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Property access for this class's own attributes, field access for those it inherits. */
@Entity
@Access(AccessType.PROPERTY)
public class Coupon extends BaseDocument {
    private String code;
    private LocalDate validUntil;
    private String internalNote;
    private PostalAddress issuer;
    private List<PostalAddress> acceptedAt = new ArrayList<>();

    @Column(name = "coupon_code", nullable = false, length = 24)
    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public LocalDate getValidUntil() {
        return validUntil;
    }

    public void setValidUntil(LocalDate validUntil) {
        this.validUntil = validUntil;
    }

    /** Embedded through a getter: the embeddable's getters carry its mapping. */
    public PostalAddress getIssuer() {
        return issuer;
    }

    public void setIssuer(PostalAddress issuer) {
        this.issuer = issuer;
    }

    /** Collection elements follow the access of the identifier (a field here): the embeddable's fields. */
    @ElementCollection
    @CollectionTable(name = "coupon_store")
    public List<PostalAddress> getAcceptedAt() {
        return acceptedAt;
    }

    public void setAcceptedAt(List<PostalAddress> acceptedAt) {
        this.acceptedAt = acceptedAt;
    }
}
