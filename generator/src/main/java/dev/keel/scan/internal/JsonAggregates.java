package dev.keel.scan.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An embeddable (or a collection of embeddables) stored whole in one JSON column ({@code @JdbcTypeCode(SqlTypes.JSON)}):
 * Hibernate 6.6 adds a table check that the JSON holds its NOT NULL attributes and satisfies their checks,
 * {@code col is null or (cast(col->>'a' as integer) is not null and ...)}, over the embeddable's own basic columns
 * by name (nested embeddables add nothing), each cast to its column type as Hibernate writes it.
 */
final class JsonAggregates {
    /** Hibernate's spelling of types whose canonical form keel writes differently. */
    private static final Map<String, String> CAST_TYPES = Map.of("real", "float4");

    private final ScanContext ctx;
    private final AttributeMapper mapper;
    private final BasicColumns basics;

    JsonAggregates(ScanContext ctx, AttributeMapper mapper, BasicColumns basics) {
        this.ctx = ctx;
        this.mapper = mapper;
        this.basics = basics;
    }

    /** The table check for attribute {@code a} mapped to {@code column}, if it stores an embeddable as JSON. */
    Optional<String> check(Attribute a, ColumnSpec column, Site site) {
        String ddl = column.type().ddl();
        if (!ddl.equals("jsonb") && !ddl.equals("json")) {
            return Optional.empty();
        }
        TypeRef stored = a.type().isCollection() && a.type().args().size() == 1 ? a.type().args().get(0)
                : a.type().arrayDepth() == 1 ? a.type().component() : a.type();
        if (stored.arrayDepth() > 0 || !ctx.isAnnotated(stored.name(), JpaNames.EMBEDDABLE)) {
            return Optional.empty();
        }
        TypeInfo embeddable = ctx.index().type(stored.name()).orElseThrow();
        TableSpec scratch = new TableSpec(site.table().app(), site.table().model(), null, site.table().name(), null,
                embeddable.file(), 0);
        Site inner = Site.collectionElements(scratch, site.entity(), Map.of());
        var parts = new ArrayList<ColumnSpec>();
        for (Attribute child : mapper.hierarchyAttributes(embeddable, AccessRules.memberAccess(a))) {
            if (child.has(JpaNames.EMBEDDED) || ctx.isAnnotated(child.type().name(), JpaNames.EMBEDDABLE)) {
                continue;
            }
            try {
                parts.add(basics.map(child, inner));
            } catch (MappingProblem p) {
                throw new MappingProblem(a.node(), "field " + a.name() + " stores " + embeddable.simpleName()
                        + " as JSON, whose field " + child.name() + " keel cannot map: " + p.getMessage(), p.fix());
            }
        }
        parts.sort(Comparator.comparing(c -> c.name().db()));
        String col = column.name().sql();
        var terms = new ArrayList<String>();
        for (ColumnSpec part : parts) {
            String cast = "cast(" + col + "->>'" + part.name().db() + "' as "
                    + CAST_TYPES.getOrDefault(part.type().ddl(), part.type().ddl()) + ")";
            if (!part.nullable()) {
                terms.add(cast + " is not null");
            }
            for (String check : part.checks()) {
                String own = part.name().sql() + " ";
                terms.add(check.startsWith(own) ? cast + " " + check.substring(own.length()) : check);
            }
        }
        return terms.isEmpty() ? Optional.empty() : Optional.of(col + " is null or (" + String.join(" and ", terms) + ")");
    }
}
