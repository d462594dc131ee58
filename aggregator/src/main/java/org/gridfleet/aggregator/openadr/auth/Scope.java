package org.gridfleet.aggregator.openadr.auth;

/** The OAuth2 scopes of the OpenADR 3.0.1 contract ({@code securitySchemes.oAuth2ClientCredentials}). */
public enum Scope {
    READ_ALL, WRITE_PROGRAMS, WRITE_EVENTS, WRITE_REPORTS, WRITE_SUBSCRIPTIONS, WRITE_VENS;

    /** The scope as spelled on the wire, e.g. {@code write_events}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
