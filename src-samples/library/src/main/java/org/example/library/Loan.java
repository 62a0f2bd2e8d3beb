package org.example.library;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;

import java.io.Serializable;
import java.time.LocalDate;

@Entity
public class Loan {
    @EmbeddedId
    private LoanId id;

    private LocalDate dueOn;

    @Embeddable
    public record LoanId(Long bookId, Integer memberNo) implements Serializable {}
}
