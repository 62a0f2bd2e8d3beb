package com.acme.common;

/** Declared in the library: ORDINAL and STRING mappings need its constants in declaration order. */
public enum Status {
    ACTIVE, SUSPENDED, CLOSED;

    public String label() {
        return name().toLowerCase();
    }
}
