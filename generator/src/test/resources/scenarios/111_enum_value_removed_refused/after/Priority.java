package com.example.app;

public enum Priority { HIGH, NORMAL }
