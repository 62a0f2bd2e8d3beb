package org.example.platform.common;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import lombok.AllArgsConstructor;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** A closed range of comparable values, such as dates. */
@Getter
@Embeddable
@NoArgsConstructor
@AllArgsConstructor
public class Period<T extends Comparable<? super T>> {
    @Column(name = "starts_on")
    private T start;

    @Column(name = "ends_on")
    private T end;
}
