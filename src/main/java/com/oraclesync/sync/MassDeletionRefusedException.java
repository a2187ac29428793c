package com.oraclesync.sync;

/** A RECONCILE run would mark more rows deleted than sync.reconcile.max-delete-share allows; nothing was marked. */
public class MassDeletionRefusedException extends RuntimeException {

    public MassDeletionRefusedException(String message) {
        super(message);
    }
}
