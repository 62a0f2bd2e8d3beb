package org.example.platform.settings;

import jakarta.persistence.Entity;

@Entity
public class FlagPreference extends Preference<Boolean> {
}
