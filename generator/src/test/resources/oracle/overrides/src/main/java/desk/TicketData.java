package desk;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;

/** Named values of a ticket, keyed by the ticket and the name. */
@MappedSuperclass
@IdClass(TicketDataKey.class)
public abstract class TicketData<T> {
    @Id
    @ManyToOne(optional = false)
    @JoinColumn(name = "ticket_id")
    protected Ticket ticket;

    @Id
    @Column(name = "name")
    protected String name;

    protected T value;
}
