package org.example.platform.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import lombok.Getter;
import lombok.Setter;
import org.example.platform.common.CodedEntity;

import static org.example.platform.common.Limits.*;

@Entity
@Getter
@Setter
public class Tag extends CodedEntity<String> {
    @Column(length = SHORT_TEXT)
    private String color;

    @Column(length = LONG_TEXT)
    private String usageNotes;

    @Enumerated(EnumType.STRING)
    @Column(length = CODE_MAX_SIZE)
    private RecordStatus status;
}
