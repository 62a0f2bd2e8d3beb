package com.example.app;

public enum Status { NEW, ACTIVE, CLOSED }
