package org.example.platform.settings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.validation.constraints.NotNull;
import lombok.Getter;
import lombok.Setter;
import org.example.platform.common.BaseEntity;
import org.example.platform.people.Member;

import java.io.Serializable;

/** A member's preference; each subclass stores its own kind of value in the same column. */
@Entity
@Getter
@Setter
public abstract class Preference<V extends Serializable> extends BaseEntity<Long> {
    @Column(nullable = false, length = 80)
    private String preferenceKey;

    @NotNull
    @Column(name = "preference_value")
    private V value;

    @ManyToOne
    private Member member;
}
