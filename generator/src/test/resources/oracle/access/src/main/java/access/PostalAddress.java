package access;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Embedded in a property-access entity: its getters carry the mapping. */
@Embeddable
public class PostalAddress {
    private String street;
    private String postalCode;
    private String city;

    @Column(name = "billing_street", length = 200)
    public String getStreet() {
        return street;
    }

    public void setStreet(String street) {
        this.street = street;
    }

    @Column(length = 16)
    public String getPostalCode() {
        return postalCode;
    }

    public void setPostalCode(String postalCode) {
        this.postalCode = postalCode;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }
}
