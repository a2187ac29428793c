package com.oraclesync.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The one ObjectMapper of the simulator: BigDecimals go out exactly as stored (1234.50 stays 1234.50). */
final class SimulatorJson {

    static final ObjectMapper MAPPER = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private SimulatorJson() {
    }
}
