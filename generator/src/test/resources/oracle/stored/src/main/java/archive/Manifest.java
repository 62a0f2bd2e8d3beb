package archive;

/** A value kept as text by {@link ManifestText}. */
public record Manifest(String body) {}
