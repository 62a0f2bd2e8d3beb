package org.example.platform.people;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import lombok.Data;

import java.io.Serializable;
import java.util.UUID;

@Data
@Embeddable
public class MembershipId implements Serializable {
    @Column(name = "organization_id")
    private Long organizationId;

    @Column(name = "member_id")
    private UUID memberId;
}
