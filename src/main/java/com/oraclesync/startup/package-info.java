/**
 * Start-up mistakes as one block each (what is wrong, which setting, what to do) instead of a stack trace: Spring
 * Boot {@code FailureAnalyzer}s, registered in {@code META-INF/spring.factories} and ordered ahead of Boot's own.
 */
package com.oraclesync.startup;
