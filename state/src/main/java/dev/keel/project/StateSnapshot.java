package dev.keel.project;

import dev.keel.state.CheckConstraint;
import dev.keel.state.Constraint;
import dev.keel.state.ForeignKey;
import dev.keel.state.PendingColumn;
import dev.keel.state.PendingDeletion;
import dev.keel.state.PendingTable;
import dev.keel.state.PendingSequence;
import dev.keel.state.PendingView;
import dev.keel.state.PendingSync;
import dev.keel.state.Sequence;
import dev.keel.state.Table;
import dev.keel.state.UniqueConstraint;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;

import java.util.Collection;

/**
 * The project state as JSON, for caches and {@code --json} output. The output is deterministic:
 * properties sorted by name, tables sorted by app and model, sequences by name, pending deletions
 * sorted as the state keeps them; lists that carry order (columns) keep it. Constraints and pending
 * deletions carry a {@code type} property ({@code foreignKey}, {@code unique}, {@code check};
 * {@code column}, {@code table}). The records stay plain: Jackson learns the mapping from mix-ins.
 */
public final class StateSnapshot {
    /** The version of the format, written into every snapshot. */
    public static final int FORMAT = 1;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .visibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .addMixIn(ProjectState.class, ProjectStateMixIn.class)
            .addMixIn(Constraint.class, ConstraintMixIn.class)
            .addMixIn(PendingDeletion.class, PendingDeletionMixIn.class)
            .addMixIn(PendingColumn.class, PendingColumnMixIn.class)
            .build();

    private StateSnapshot() {}

    /**
     * A copy of the mapper snapshots are written with, for documents that embed states or keel's records
     * (the cache in {@code .keel/cache}).
     */
    public static ObjectMapper mapper() {
        return MAPPER.copy();
    }

    /** The state as pretty-printed JSON ending in a newline; equal states give equal text. */
    public static String toJson(ProjectState state) {
        try {
            var printer = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"));
            return MAPPER.writer(printer).writeValueAsString(new Snapshot(FORMAT, state)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a project state could not be written as JSON", e);
        }
    }

    /**
     * The state a snapshot holds.
     *
     * @throws KeelException of kind UNREADABLE_SOURCE when the text is not a snapshot of this format
     */
    public static ProjectState fromJson(String json) {
        try {
            JsonNode document = MAPPER.readTree(json);
            JsonNode format = document == null ? null : document.get("format");
            if (format == null || !format.isInt() || format.intValue() != FORMAT) {
                throw unreadable("format " + format + " (this keel reads format " + FORMAT + ")");
            }
            return MAPPER.treeToValue(document, Snapshot.class).state();
        } catch (JsonProcessingException e) {
            throw unreadable(e.getOriginalMessage() + locationOf(e));
        }
    }

    private static String locationOf(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }

    private static KeelException unreadable(String what) {
        return new KeelException(ErrorKind.UNREADABLE_SOURCE, "state snapshot: not readable: " + what
                + "\nTo fix: delete the snapshot; keel rebuilds it from the migrations.");
    }

    /** The document: a format version and the state. */
    private record Snapshot(int format, ProjectState state) {}

    @JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.NONE)
    private abstract static class ProjectStateMixIn {
        @JsonCreator
        static ProjectState of(@JsonProperty("tables") Collection<Table> tables,
                               @JsonProperty("sequences") Collection<Sequence> sequences,
                               @JsonProperty("enumTypes") Collection<dev.keel.state.EnumType> enumTypes,
                               @JsonProperty("pending") Collection<PendingDeletion> pending) {
            throw new UnsupportedOperationException("a mix-in is never called");
        }

        @JsonProperty("tables")
        abstract Collection<Table> tables();

        @JsonProperty("sequences")
        abstract Collection<Sequence> sequences();

        @JsonProperty("pending")
        abstract Collection<PendingDeletion> pending();

        /** Left out of the document when there are none, so that a state without enum types reads as it always did. */
        @JsonProperty("enumTypes")
        abstract Collection<dev.keel.state.EnumType> enumTypesOrNull();
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = ForeignKey.class, name = "foreignKey"),
            @JsonSubTypes.Type(value = UniqueConstraint.class, name = "unique"),
            @JsonSubTypes.Type(value = CheckConstraint.class, name = "check")})
    private interface ConstraintMixIn {}

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = PendingColumn.class, name = "column"),
            @JsonSubTypes.Type(value = PendingTable.class, name = "table"),
            @JsonSubTypes.Type(value = PendingSequence.class, name = "sequence"),
            @JsonSubTypes.Type(value = PendingView.class, name = "view"),
            @JsonSubTypes.Type(value = PendingSync.class, name = "sync")})
    private interface PendingDeletionMixIn {}

    /** A pending column without indexes or constraints is written as before they were kept with it. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    private interface PendingColumnMixIn {}
}
