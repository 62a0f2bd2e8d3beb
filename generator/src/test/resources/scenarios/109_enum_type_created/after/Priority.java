package com.example.app;

public enum Priority { URGENT, HIGH, NORMAL, LOW }
