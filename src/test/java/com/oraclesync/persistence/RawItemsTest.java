package com.oraclesync.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RawItemsTest {

    @Test
    void nulCharacterBecomesVisibleTextThatJsonbAccepts() {
        assertThat(RawItems.storable("{\"Name\":\"Bad\\u0000Name\"}")).isEqualTo("{\"Name\":\"Bad\\\\u0000Name\"}");
    }

    @Test
    void escapedBackslashBeforeNulIsKeptAndTheNulMadeVisible() {
        assertThat(RawItems.storable("{\"Name\":\"a\\\\\\u0000\"}")).isEqualTo("{\"Name\":\"a\\\\\\\\u0000\"}");
    }

    @Test
    void literalBackslashUTextIsNotANulAndStaysAsItIs() {
        assertThat(RawItems.storable("{\"Name\":\"a\\\\u0000\"}")).isEqualTo("{\"Name\":\"a\\\\u0000\"}");
    }

    @Test
    void itemThatJsonbCannotHoldIsKeptAsOneJsonString() {
        assertThat(RawItems.asJsonString("{\"Revenue\":1E+140000}")).isEqualTo("\"{\\\"Revenue\\\":1E+140000}\"");
    }
}
