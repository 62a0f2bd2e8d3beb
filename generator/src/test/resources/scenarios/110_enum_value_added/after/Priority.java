package com.example.app;

public enum Priority { HIGH, LOW, NORMAL, CRITICAL, MEDIUM, URGENT }
