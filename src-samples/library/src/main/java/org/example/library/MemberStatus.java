package org.example.library;

public enum MemberStatus { ACTIVE, SUSPENDED, CLOSED }
