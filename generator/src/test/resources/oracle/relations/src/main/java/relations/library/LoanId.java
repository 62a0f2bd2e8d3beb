package relations.library;

import java.io.Serializable;

public record LoanId(Long bookId, String borrowerCard) implements Serializable {
}
