package com.acme.common;

public enum Color { RED, GREEN, BLUE }
