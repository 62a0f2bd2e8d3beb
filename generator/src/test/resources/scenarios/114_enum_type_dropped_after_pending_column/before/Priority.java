package com.example.app;

public enum Priority { HIGH, LOW, NORMAL }
