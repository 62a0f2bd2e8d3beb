package org.example.platform.catalog;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import lombok.Getter;
import lombok.Setter;
import org.example.platform.common.CodedEntity;

import static org.example.platform.catalog.Product.NAME_MAX_SIZE;

@Entity
@AttributeOverride(name = "code", column = @Column(name = "unit_code", length = 16))
@Getter
@Setter
public class MeasurementUnit extends CodedEntity<String> {
    private int decimals;

    @Column(length = NAME_MAX_SIZE / 2)
    private String symbol;

    private org.example.platform.people.Member.RecordStatus status;
}
