package org.gridfleet.aggregator.openadr.vtn;

import org.gridfleet.aggregator.openadr.store.StoredObject;

/** Tells subscribers about a committed write. Must not block and must never fail the caller's request. */
interface ObjectNotifier {

    /** The subscription operation; 3.0.1 notifications spell them as HTTP verbs. */
    enum Operation {
        CREATE("POST"), UPDATE("PUT"), DELETE("DELETE");

        private final String httpVerb;

        Operation(String httpVerb) {
            this.httpVerb = httpVerb;
        }

        /** The 3.0.1 {@code notification.operation} value. */
        String httpVerb() {
            return httpVerb;
        }
    }

    void notify(StoredObject object, Operation operation);
}
