package access;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/** Field access declared at the top of the hierarchy. */
@MappedSuperclass
@Access(AccessType.FIELD)
public abstract class BaseDocument {
    @Id
    @GeneratedValue
    protected Long id;

    protected String title;
}
