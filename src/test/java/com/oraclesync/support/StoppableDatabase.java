package com.oraclesync.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@link SyncIntegrationTest} class: its database is {@link StoppablePostgres}, a PostgreSQL server of its own
 * that the test may stop and start again, instead of a database on the server the other test classes share.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
public @interface StoppableDatabase {
}
