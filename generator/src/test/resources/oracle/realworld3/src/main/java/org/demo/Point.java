package org.demo;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
public class Point {
    @Column(table = "profile_stats")
    private Double lat;

    @Column(table = "profile_stats")
    private Double lng;
}
