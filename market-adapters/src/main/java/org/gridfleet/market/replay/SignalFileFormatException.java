package org.gridfleet.market.replay;

/**
 * A signal file that cannot be read: names the source, the 1-based line and the field at fault.
 */
public final class SignalFileFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final String field;

    /**
     * @param source file name or other description of the input
     * @param line 1-based line number (1 = header), 0 when the whole file is at fault
     * @param field the column or aspect at fault
     * @param message what is wrong
     */
    public SignalFileFormatException(String source, int line, String field, String message) {
        super(source + (line > 0 ? ":" + line : "") + ": " + field + ": " + message);
        this.source = source;
        this.line = line;
        this.field = field;
    }

    /** The input's name. */
    public String source() {
        return source;
    }

    /** 1-based line number, 0 for the whole file. */
    public int line() {
        return line;
    }

    /** The column or aspect at fault. */
    public String field() {
        return field;
    }
}
