package access;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

@Entity
public class CustomerAddress {
    @Id
    @GeneratedValue
    private Long id;

    private String label;

    private String line1;

    @ManyToOne
    private Customer customer;
}
