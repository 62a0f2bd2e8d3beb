package catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Numbers the database hands out itself: serial shorthands in columnDefinition, in a schema of their own too. */
@Entity
@Table(name = "ticket_counter", schema = "desk")
public class TicketCounter {
    @Id
    @Column(columnDefinition = "bigserial")
    private Long id;

    @Column(columnDefinition = "serial", insertable = false, updatable = false)
    private Integer ticketNo;

    @Column(name = "batch", columnDefinition = "SMALLSERIAL")
    private short batch;

    @Column(name = "a_rather_long_column_name_for_the_counter_of_reopened_tickets", columnDefinition = "serial8")
    private Long reopened;
}
