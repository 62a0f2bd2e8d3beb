package org.shipping;
public enum Flag { FRAGILE, COLD, HAZARD }
