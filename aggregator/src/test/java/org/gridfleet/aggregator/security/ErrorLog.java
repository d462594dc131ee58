package org.gridfleet.aggregator.security;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/** Collects what the server logs at ERROR or with a stack trace while a test runs. */
final class ErrorLog extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private final List<String> events = new CopyOnWriteArrayList<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    static ErrorLog attach() {
        ErrorLog log = new ErrorLog();
        log.start();
        log.root.addAppender(log);
        return log;
    }

    @Override
    protected void append(ILoggingEvent e) {
        if (e.getLevel().isGreaterOrEqual(Level.ERROR) || e.getThrowableProxy() != null) {
            events.add(e.getLevel() + " " + e.getLoggerName() + ": " + e.getFormattedMessage()
                    + (e.getThrowableProxy() == null ? "" : " / " + e.getThrowableProxy().getClassName()
                    + ": " + e.getThrowableProxy().getMessage()));
        }
    }

    /** What was logged since the last call. */
    List<String> drain() {
        List<String> out = List.copyOf(events);
        events.clear();
        return out;
    }

    @Override
    public void close() {
        root.detachAppender(this);
        stop();
    }
}
