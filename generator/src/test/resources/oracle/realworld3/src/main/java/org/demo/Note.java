package org.demo;

import jakarta.persistence.*;
import java.util.List;
import java.util.Set;
import org.hibernate.annotations.SoftDelete;
import org.hibernate.annotations.SoftDeleteType;
import org.hibernate.type.NumericBooleanConverter;
import org.hibernate.type.TrueFalseConverter;
import org.hibernate.type.YesNoConverter;

@Entity
@SoftDelete(strategy = SoftDeleteType.ACTIVE)
public class Note {
    @Id
    @GeneratedValue
    private Long id;

    @Convert(converter = YesNoConverter.class)
    private boolean pinned;

    @Convert(converter = NumericBooleanConverter.class)
    private Boolean archived;

    @Convert(converter = TrueFalseConverter.class)
    @Column(nullable = false)
    private Boolean shared;

    @ElementCollection
    @SoftDelete(converter = YesNoConverter.class)
    private List<String> lines;

    @ManyToMany
    @SoftDelete(columnName = "gone", converter = NumericBooleanConverter.class)
    private Set<Tag> tags;
}
