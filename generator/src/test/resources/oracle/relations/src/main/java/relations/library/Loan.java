package relations.library;

import jakarta.persistence.*;

import java.time.LocalDate;

/** Only one attribute carries @Id: the id class names both. */
@Entity
@IdClass(LoanId.class)
public class Loan {
    private Long bookId;

    @Id
    @Column(name = "borrower")
    private String borrowerCard;

    private LocalDate dueOn;
}
