package org.fleet;
import jakarta.persistence.*;
@Embeddable
public class Spot { private Double lat; private Double lng; }
