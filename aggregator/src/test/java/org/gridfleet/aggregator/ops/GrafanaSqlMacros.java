package org.gridfleet.aggregator.ops;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands the Grafana PostgreSQL macros the dashboards use into plain SQL for one fixed time range, the way
 * Grafana's PostgreSQL datasource does before it sends a query. Anything else that Grafana would substitute
 * (another macro, a template variable) is rejected, so a dashboard cannot use what the tests do not run.
 */
final class GrafanaSqlMacros {

    private static final Pattern MACRO = Pattern.compile("\\$__(\\w+)\\(([^()]*)\\)");
    private static final Pattern INTERVAL = Pattern.compile("'?(\\d+)([smhd])'?");

    private final Instant from;
    private final Instant to;

    GrafanaSqlMacros(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from " + from + " must be before to " + to);
        }
        this.from = from;
        this.to = to;
    }

    String expand(String rawSql) {
        Matcher m = MACRO.matcher(rawSql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(expand(m.group(1), m.group(2).split(","))));
        }
        m.appendTail(out);
        String sql = out.toString();
        int left = sql.indexOf('$');
        if (left >= 0) {
            throw new IllegalArgumentException("unsupported Grafana macro or variable at '"
                    + sql.substring(left, Math.min(sql.length(), left + 30)) + "'");
        }
        return sql;
    }

    private String expand(String macro, String[] args) {
        String column = args[0].trim();
        return switch (macro) {
            case "timeFilter" -> column + " BETWEEN " + literal(from) + " AND " + literal(to);
            case "timeFrom" -> literal(from);
            case "timeTo" -> literal(to);
            case "time" -> column + " AS \"time\"";
            case "timeGroup" -> timeGroup(column, args);
            case "timeGroupAlias" -> timeGroup(column, args) + " AS \"time\"";
            default -> throw new IllegalArgumentException("unsupported Grafana macro $__" + macro);
        };
    }

    private static String timeGroup(String column, String[] args) {
        if (args.length != 2) {
            throw new IllegalArgumentException("$__timeGroup needs (column, interval), got " + args.length
                    + " arguments");
        }
        long seconds = intervalSeconds(args[1].trim());
        return "floor(extract(epoch FROM " + column + ") / " + seconds + ") * " + seconds;
    }

    static long intervalSeconds(String interval) {
        Matcher m = INTERVAL.matcher(interval);
        if (!m.matches()) {
            throw new IllegalArgumentException("interval " + interval + " is not like '10s', '1m', '1h' or '1d'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> n;
            case "m" -> n * 60;
            case "h" -> n * 3600;
            default -> n * 86_400;
        };
    }

    private static String literal(Instant t) {
        return "'" + t + "'::timestamptz";
    }
}
