package com.oraclesync.oracle;

import com.fasterxml.jackson.core.JsonParser;
import com.oraclesync.mapping.JsonSource;
import java.io.IOException;

/** Reads the item whose {@code START_OBJECT} the parser is on, leaving the parser on its {@code END_OBJECT}. */
@FunctionalInterface
interface ItemReader<T> {

    T read(JsonParser parser, JsonSource source) throws IOException;
}
