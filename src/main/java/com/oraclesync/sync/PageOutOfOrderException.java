package com.oraclesync.sync;

/** Oracle returned a page whose items are not in the requested order: its end is no safe checkpoint. */
public class PageOutOfOrderException extends RuntimeException {

    public PageOutOfOrderException(String message) {
        super(message);
    }
}
