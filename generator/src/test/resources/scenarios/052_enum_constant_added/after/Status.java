package com.example.app;

public enum Status {
    DRAFT, PUBLISHED, ARCHIVED
}
