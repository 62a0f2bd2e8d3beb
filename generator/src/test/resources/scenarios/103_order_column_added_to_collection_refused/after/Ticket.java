package com.example.app;

import jakarta.persistence.*;
import java.util.*;

@Entity
public class Ticket {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;

    // a set becomes a list: its collection table gains the order column tags_order, NOT NULL, in its primary key
    @ElementCollection @OrderColumn
    private List<String> tags = new ArrayList<>();
}
