package catalog;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/** Id, optimistic lock and creation time shared by the catalog's reference data. */
@MappedSuperclass
public abstract class AuditedEntity {
    @Id
    @GeneratedValue
    @Column(name = "id")
    private long id;

    @Version
    private long version;

    @Column(name = "created_epoch_ms")
    private long createdEpochMs;

    public long getId() {
        return id;
    }
}
