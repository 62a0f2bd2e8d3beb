package edge;
public enum Status { DRAFT, PUBLISHED, ARCHIVED }
