package org.example.platform.common;

/** Column sizes shared by every entity of the platform. */
public interface EntityConstants extends ColumnNames {
    int NAME_MAX_SIZE = 120;
    int CODE_MAX_SIZE = 32;
    int AMOUNT_PRECISION = 19;

    /** The life cycle of every record. */
    enum RecordStatus { DRAFT, ACTIVE, ARCHIVED }
}
