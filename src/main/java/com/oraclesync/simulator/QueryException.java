package com.oraclesync.simulator;

/** A request the simulator rejects with 400, as Oracle does; the message names the parameter and the problem. */
final class QueryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    QueryException(String message) {
        super(message);
    }

    static QueryException unknownField(String parameter, String field) {
        return new QueryException("Unknown field '" + field + "' in " + parameter);
    }
}
