package com.oraclesync.mapping;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** One entry of the field mapping: which Oracle field fills which column, as which type. */
public record ColumnMapping(@NotBlank String column, @NotBlank String source, @NotNull ColumnType type) {
}
