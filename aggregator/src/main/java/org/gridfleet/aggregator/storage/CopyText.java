package org.gridfleet.aggregator.storage;

import java.time.Instant;

/**
 * Appends values in PostgreSQL's COPY text format: tab between columns, {@code \N} for null, and
 * backslash escapes for backslash, tab, newline and carriage return, so one row is always one line.
 * The same line is what the spill file stores, so replay needs no second format.
 */
final class CopyText {

    private CopyText() {
    }

    static void time(StringBuilder out, Instant t) {
        out.append(t);
    }

    static void text(StringBuilder out, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    static void number(StringBuilder out, Number n) {
        if (n == null) {
            out.append("\\N");
        } else {
            out.append(n);
        }
    }

    static void bool(StringBuilder out, boolean b) {
        out.append(b ? 't' : 'f');
    }

    static void tab(StringBuilder out) {
        out.append('\t');
    }
}
