package com.oraclesync.api;

import java.util.List;

/** A page of a list: the items, how many there are in all, and the limit and offset that cut this page. */
public record PageView<T>(List<T> items, long total, int limit, int offset) {
}
