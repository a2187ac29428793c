package com.oraclesync.support;

import com.oraclesync.simulator.ResourceStore;
import com.oraclesync.simulator.RecordedRequest;
import com.oraclesync.simulator.RequestHook;
import com.oraclesync.simulator.SimulatedResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A simulator hook that answers the attempts at given pages with given faults: {@code onPage(4, status(503),
 * status(503))} fails the first two attempts at the fourth page. A page is a distinct query, numbered from 1 in the
 * order the simulator first sees it, so a retry (the same query) is the same page's next attempt.
 */
public final class PageFaults implements RequestHook {

    private final Map<Integer, List<SimulatedResponse>> planned = new HashMap<>();
    private final Map<Integer, SimulatedResponse> fromPage = new HashMap<>();
    private final Map<Map<String, String>, Integer> pageOfQuery = new HashMap<>();
    private final Map<Integer, Integer> attempts = new HashMap<>();

    public PageFaults onPage(int page, SimulatedResponse... faults) {
        planned.put(page, List.of(faults));
        return this;
    }

    /** Every attempt at this page and every later page gets the fault. */
    public PageFaults fromPage(int page, SimulatedResponse fault) {
        fromPage.put(page, fault);
        return this;
    }

    @Override
    public synchronized SimulatedResponse beforeServe(RecordedRequest request, ResourceStore store) {
        int page = pageOfQuery.computeIfAbsent(request.query(), query -> pageOfQuery.size() + 1);
        int attempt = attempts.merge(page, 1, Integer::sum);
        for (Map.Entry<Integer, SimulatedResponse> persistent : fromPage.entrySet()) {
            if (page >= persistent.getKey()) {
                return persistent.getValue();
            }
        }
        List<SimulatedResponse> faults = planned.getOrDefault(page, List.of());
        return attempt <= faults.size() ? faults.get(attempt - 1) : null;
    }

    /** The requests grouped into runs of the same query, in order: one list per page, holding its attempts. */
    public static List<List<RecordedRequest>> attemptsPerPage(List<RecordedRequest> requests) {
        List<List<RecordedRequest>> pages = new ArrayList<>();
        for (RecordedRequest request : requests) {
            if (pages.isEmpty() || !pages.get(pages.size() - 1).get(0).query().equals(request.query())) {
                pages.add(new ArrayList<>());
            }
            pages.get(pages.size() - 1).add(request);
        }
        return pages;
    }
}
