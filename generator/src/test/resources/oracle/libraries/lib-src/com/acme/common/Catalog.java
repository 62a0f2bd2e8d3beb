package com.acme.common;

public final class Catalog {
    /** A nested enum. */
    public enum Kind { BOOK, MUSIC, VIDEO, GAME }

    private Catalog() {}
}
