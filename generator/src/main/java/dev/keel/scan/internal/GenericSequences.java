package dev.keel.scan.internal;

import dev.keel.state.Sequence;

import java.util.Optional;
import java.util.Set;

/**
 * The sequence of a {@code @GenericGenerator} that names Hibernate's own sequence generator: by {@code strategy}
 * ({@code "enhanced-sequence"}, {@code "sequence"}, the class name) or {@code type} ({@code SequenceStyleGenerator.class}).
 * Hibernate 6.6 then makes the sequence its
 * parameters say: {@code sequence_name} (else the generator's name), {@code initial_value} and {@code increment_size}
 * (1 and 50 by default, as for JPA's generators); {@code optimizer} changes no DDL. Any other
 * generator, and any other parameter, keeps keel's refusal, said precisely.
 */
final class GenericSequences {
    private GenericSequences() {}

    static final String SEQUENCE_STYLE = "org.hibernate.id.enhanced.SequenceStyleGenerator";
    private static final Set<String> STRATEGIES = Set.of("enhanced-sequence", "sequence", SEQUENCE_STYLE);
    /** The parameters whose effect on the schema keel reproduces ({@code optimizer} has none). */
    private static final Set<String> KNOWN = Set.of("sequence_name", "initial_value", "increment_size", "optimizer");

    /**
     * The sequence of {@code generator} (its {@code @GenericGenerator} {@code gg}); empty when the generator is not
     * Hibernate's sequence generator (a custom one: the caller refuses it). A parameter keel does not reproduce is a
     * problem at the generator.
     */
    static Optional<Sequence> of(ScanContext ctx, AnnotationView gg, String generator) {
        if (!isSequenceStyle(gg)) {
            return Optional.empty();
        }
        String name = generator;
        long initial = 1;
        long increment = 50;
        for (AnnotationView p : gg.annotations("parameters")) {
            String key = p.string("name", "");
            String value = p.string("value", "");
            if (!KNOWN.contains(key)) {
                throw new MappingProblem(gg.node(), "generator \"" + generator + "\" is Hibernate's sequence generator with"
                        + " parameter \"" + key + "\", whose effect on the sequence keel does not reproduce",
                        "use the parameters sequence_name, initial_value and increment_size only, or declare"
                                + " @SequenceGenerator(name = \"" + generator + "\", ...) instead");
            }
            switch (key) {
                case "sequence_name" -> name = value;
                case "initial_value" -> initial = number(gg, generator, key, value);
                case "increment_size" -> increment = number(gg, generator, key, value);
                default -> { }
            }
        }
        return Optional.of(new Sequence(Namespaces.sequence(ctx, gg, name), initial, increment));
    }

    private static long number(AnnotationView gg, String generator, String key, String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new MappingProblem(gg.node(), "parameter \"" + key + "\" of generator \"" + generator + "\" is \"" + value
                    + "\", not a whole number", "write it as a number, as Hibernate reads it");
        }
    }

    /**
     * Whether the generator is Hibernate's SequenceStyleGenerator, by strategy or by type. A subclass is not taken for
     * it: what it changes is in its methods' code, which keel does not run.
     */
    private static boolean isSequenceStyle(AnnotationView gg) {
        String strategy = gg.string("strategy", "");
        if (!strategy.isEmpty()) {
            return STRATEGIES.contains(strategy);
        }
        return gg.has("type") && SEQUENCE_STYLE.equals(gg.classRef("type"));
    }
}
