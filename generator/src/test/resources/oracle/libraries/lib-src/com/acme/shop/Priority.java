package com.acme.shop;

/** The entities' own package, declared in another module. */
public enum Priority { LOW, NORMAL, HIGH, URGENT }
