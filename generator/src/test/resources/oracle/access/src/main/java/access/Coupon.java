package access;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;

import java.time.LocalDate;

/** Property access for this class's own attributes, field access for those it inherits. */
@Entity
@Access(AccessType.PROPERTY)
public class Coupon extends BaseDocument {
    private String code;
    private LocalDate validUntil;
    private String internalNote;

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
}
