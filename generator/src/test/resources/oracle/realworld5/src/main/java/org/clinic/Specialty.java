package org.clinic;
import jakarta.persistence.*;
@Entity @Table(name = "specialties")
public class Specialty extends NamedEntity {}
