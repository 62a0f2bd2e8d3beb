package catalog;

public enum DocumentStatus { DRAFT, REVIEW, PUBLISHED, RETIRED }
