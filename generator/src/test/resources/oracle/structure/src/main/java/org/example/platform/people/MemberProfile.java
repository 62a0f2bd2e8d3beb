package org.example.platform.people;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import lombok.Getter;
import lombok.Setter;
import org.example.platform.common.EntityConstants;

import java.util.UUID;

/** Shares its member's id: the one-to-one is the read-only twin of the id. */
@Entity
@Getter
@Setter
public class MemberProfile implements EntityConstants {
    @Id
    private UUID id;

    @OneToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "id", insertable = false, updatable = false)
    private Member member;

    @Column(length = 4 * NAME_MAX_SIZE)
    private String biography;
}
