package org.example.platform.catalog;

import jakarta.persistence.Entity;
import lombok.Getter;
import lombok.Setter;
import org.example.platform.common.CodedEntity;

@Entity
@Getter
@Setter
public class MeasurementUnit extends CodedEntity<String> {
    private int decimals;
}
