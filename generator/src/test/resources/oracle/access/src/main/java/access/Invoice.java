package access;

import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderColumn;
import jakarta.validation.constraints.NotNull;

import java.util.ArrayList;
import java.util.List;

/** Inherits property access from its mapped superclass. */
@Entity
public class Invoice extends AuditedEntity {
    private String number;
    private Money total;
    private Customer customer;
    private List<Money> payments = new ArrayList<>();
    private List<InvoiceItem> items = new ArrayList<>();

    @NotNull
    @Column(unique = true, length = 30)
    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }

    public Money getTotal() {
        return total;
    }

    public void setTotal(Money total) {
        this.total = total;
    }

    @ManyToOne(optional = false)
    public Customer getCustomer() {
        return customer;
    }

    public void setCustomer(Customer customer) {
        this.customer = customer;
    }

    @ElementCollection
    @OrderColumn
    public List<Money> getPayments() {
        return payments;
    }

    public void setPayments(List<Money> payments) {
        this.payments = payments;
    }

    @OneToMany
    @JoinColumn(name = "invoice_id")
    @OrderColumn(name = "position", nullable = false)
    public List<InvoiceItem> getItems() {
        return items;
    }

    public void setItems(List<InvoiceItem> items) {
        this.items = items;
    }
}
