package org.shop;
public enum Level { LOW, MID, HIGH }
