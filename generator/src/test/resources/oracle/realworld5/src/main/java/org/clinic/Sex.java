package org.clinic;
public enum Sex { MALE, FEMALE, UNKNOWN; private final String label = name().toLowerCase(); public String label() { return label; } }
