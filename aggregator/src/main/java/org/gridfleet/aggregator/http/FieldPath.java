package org.gridfleet.aggregator.http;

/** Turns a JSON pointer ({@code /departurePlan/2/targetSoc}, optionally after {@code #}) into the field names problems carry ({@code departurePlan[2].targetSoc}). */
final class FieldPath {

    static final String ROOT = "body";

    private FieldPath() {
    }

    /** The dotted field path of {@code pointer}; {@value #ROOT} for the document itself. */
    static String of(String pointer) {
        String path = pointer == null ? "" : pointer.startsWith("#") ? pointer.substring(1) : pointer;
        StringBuilder sb = new StringBuilder();
        for (String raw : path.split("/")) {
            if (raw.isEmpty()) {
                continue;
            }
            String part = raw.replace("~1", "/").replace("~0", "~");
            if (part.chars().allMatch(Character::isDigit)) {
                sb.append('[').append(part).append(']');
            } else {
                sb.append(sb.length() == 0 ? "" : ".").append(part);
            }
        }
        return sb.length() == 0 ? ROOT : sb.toString();
    }

    /** {@code parent.child}, or {@code child} at the document root. */
    static String child(String parent, String child) {
        return parent.equals(ROOT) ? child : parent + "." + child;
    }
}
