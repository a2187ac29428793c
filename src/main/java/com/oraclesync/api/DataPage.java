package com.oraclesync.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/**
 * A page of a resource's rows: the rows, how many the query selects in all, whether that total is the planner's
 * estimate, the limit and offset that cut the page, and the link to the page after it (null after the last row).
 *
 * @param total           how many rows the query selects, cursor and offset aside: exact when totalIsEstimate is
 *                        false (count=exact, or a small table), else PostgreSQL's planner estimate
 * @param totalIsEstimate whether total is an estimate
 * @param next            the path and query of the next page ({@code after=} its cursor), or null on the last page
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DataPage(List<Map<String, Object>> items, long total, boolean totalIsEstimate, int limit, int offset,
                       String next) {
}
