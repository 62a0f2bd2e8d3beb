package org.example.platform.people;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import lombok.Getter;
import lombok.Setter;

import java.time.Instant;

/** A row of the organization's member join table, seen as an entity with the role the member has. */
@Entity
@Table(name = "organization_member")
@Getter
@Setter
public class Membership {
    @EmbeddedId
    private MembershipId id;

    @ManyToOne
    @JoinColumn(name = "organization_id", insertable = false, updatable = false)
    private Organization organization;

    @ManyToOne
    @JoinColumn(name = "member_id", insertable = false, updatable = false)
    private Member member;

    private String role;

    private Instant joinedAt;
}
