package com.oraclesync.resource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the SQL files beside the routes, the same files the routes' {@code sql:file:} endpoints run. */
public final class SqlFiles {

    private SqlFiles() {
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Missing SQL file " + file.toAbsolutePath().normalize()
                    + "; the service reads its SQL from sql/ in the working directory", e);
        }
    }

    /** A route's SQL file, with Camel's {@code :#name} parameters written as {@code :name} for JdbcClient. */
    public static String forJdbcClient(Path file) {
        return read(file).replace(":#", ":");
    }
}
