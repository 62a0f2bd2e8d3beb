package org.demo;

import jakarta.persistence.*;

@Entity
public class Tag extends Topic {
    private String color;
}
