package org.example.library;

public enum Genre { FICTION, NON_FICTION, POETRY, REFERENCE }
