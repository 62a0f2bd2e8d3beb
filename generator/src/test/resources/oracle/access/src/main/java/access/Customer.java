package access;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.MapKey;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.HashMap;
import java.util.Map;

/** Property access chosen by the placement of {@code @Id} on the getter. */
@Entity
@Table(name = "customers")
public class Customer {
    private Long id;
    private String firstName;
    private transient String lastName;
    private boolean active;
    private Boolean newsletter;
    @Size(max = 300)
    private String homepageURL;
    private PostalAddress billingAddress;
    private Map<String, String> preferences = new HashMap<>();
    private Map<String, CustomerAddress> addressesByLabel = new HashMap<>();

    @Access(AccessType.FIELD)
    private int loyaltyPoints;

    @Transient
    private String cachedGreeting;

    @Id
    @GeneratedValue
    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    @NotNull
    @Size(max = 80)
    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    @Column(name = "family_name", length = 120)
    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public Boolean isNewsletter() {
        return newsletter;
    }

    public void setNewsletter(Boolean newsletter) {
        this.newsletter = newsletter;
    }

    public String getHomepageURL() {
        return homepageURL;
    }

    public void setHomepageURL(String homepageURL) {
        this.homepageURL = homepageURL;
    }

    @Embedded
    public PostalAddress getBillingAddress() {
        return billingAddress;
    }

    public void setBillingAddress(PostalAddress billingAddress) {
        this.billingAddress = billingAddress;
    }

    @ElementCollection
    public Map<String, String> getPreferences() {
        return preferences;
    }

    public void setPreferences(Map<String, String> preferences) {
        this.preferences = preferences;
    }

    @OneToMany(mappedBy = "customer")
    @MapKey(name = "label")
    public Map<String, CustomerAddress> getAddressesByLabel() {
        return addressesByLabel;
    }

    public void setAddressesByLabel(Map<String, CustomerAddress> addressesByLabel) {
        this.addressesByLabel = addressesByLabel;
    }

    @Transient
    public String getDisplayName() {
        return firstName + " " + lastName;
    }

    public static String getTableLabel() {
        return "customers";
    }

    public String getInitials(boolean withDots) {
        return withDots ? firstName.charAt(0) + "." : firstName.substring(0, 1);
    }

    public void getReady() {
        cachedGreeting = "Hello " + firstName;
    }
}
