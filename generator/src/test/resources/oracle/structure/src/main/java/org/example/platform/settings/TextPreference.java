package org.example.platform.settings;

import jakarta.persistence.Entity;

@Entity
public class TextPreference extends Preference<String> {
    private String locale;
}
