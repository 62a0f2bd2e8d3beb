package org.demo;

import java.io.Serializable;

public record AuthorKey(String tenant, long number) implements Serializable {}
