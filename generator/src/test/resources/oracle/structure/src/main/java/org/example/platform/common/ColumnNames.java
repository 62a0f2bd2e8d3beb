package org.example.platform.common;

/** Column names reused across tables. */
public interface ColumnNames {
    String CREATED_BY = "created_by";
    String DESCRIPTION = "description";
}
