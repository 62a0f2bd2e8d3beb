package com.example.app;

import jakarta.persistence.*;
import java.util.*;

@Entity
public class Ticket {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;

    @ElementCollection
    private Set<String> tags = new HashSet<>();
}
