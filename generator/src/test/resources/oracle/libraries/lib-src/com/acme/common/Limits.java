package com.acme.common;

/** Interface constants (implicitly static final). */
public interface Limits {
    int NAME_LENGTH = 80;
    long NOTE_LENGTH = 400L;
    String UNIT = "eur";
}
