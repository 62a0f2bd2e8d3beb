package org.example.platform.billing;

import jakarta.persistence.Entity;
import lombok.Getter;
import lombok.Setter;
import org.example.platform.common.OwnedEntity;
import org.example.platform.people.Organization;

@Entity
@Getter
@Setter
public class Attachment extends OwnedEntity<Organization> {
    private String fileName;

    private long sizeInBytes;
}
