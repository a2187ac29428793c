package com.oraclesync.security;

/** The two roles: the operator may do everything a login can; the viewer may only read. */
final class Roles {

    static final String OPERATOR = "OPERATOR";
    static final String VIEWER = "VIEWER";

    private Roles() {
    }
}
