package org.example.platform.common;

import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.OneToMany;
import lombok.Getter;
import lombok.Setter;

import java.util.ArrayList;
import java.util.List;

/** A node of a tree of entities of the same type. */
@Getter
@Setter
@MappedSuperclass
public abstract class HierarchicalEntity<P extends HierarchicalEntity<P>> extends NamedEntity<Long> {
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    private P parent;

    @OneToMany(mappedBy = "parent")
    private List<P> children = new ArrayList<>();

    private int depth;
}
