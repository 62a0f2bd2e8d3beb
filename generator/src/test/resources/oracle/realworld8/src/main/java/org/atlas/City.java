package org.atlas;

import jakarta.persistence.*;
import org.hibernate.annotations.JoinColumnOrFormula;
import org.hibernate.annotations.JoinColumnsOrFormulas;
import org.hibernate.annotations.JoinFormula;
import org.hibernate.annotations.RowId;

/** A to-one joined by a formula maps no column; a formula beside a column maps the column only. */
@Entity
@RowId
public class City {
    @Id @GeneratedValue private Long id;
    private String name;
    private String countryCode;
    @ManyToOne private Region region;
    @ManyToOne
    @JoinColumnOrFormula(formula = @JoinFormula(value = "upper(country_code)", referencedColumnName = "code"))
    private Country country;
    @ManyToOne
    @JoinColumnsOrFormulas({
            @JoinColumnOrFormula(formula = @JoinFormula(value = "'EN'", referencedColumnName = "lang")),
            @JoinColumnOrFormula(formula = @JoinFormula(value = "upper(name)", referencedColumnName = "code"))})
    private Title title;
    @ElementCollection @MapKeyColumn(name = "lang") private java.util.Map<String, String> names;
}
