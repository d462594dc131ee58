package org.gridfleet.aggregator.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The repository's {@code ops/} folder as the ops tests read it: every query of every dashboard panel and of every
 * Grafana-managed alert, and every Prometheus rule expression. Tests parse these files instead of listing queries
 * or metric names by hand, so a new panel or rule is checked without touching the tests.
 */
final class OpsFolder {

    static final String PROMETHEUS = "prometheus";
    static final String POSTGRES = "grafana-postgresql-datasource";
    static final String TIMESCALEDB_UID = "gridfleet-timescaledb";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Path root;

    private OpsFolder(Path root) {
        this.root = root;
    }

    /** Finds {@code ops/} from the working directory (the module directory under Maven) or any parent. */
    static OpsFolder locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("ops/grafana/dashboards"))) {
                return new OpsFolder(dir.resolve("ops"));
            }
        }
        throw new IllegalStateException("no ops/grafana/dashboards above " + Path.of("").toAbsolutePath());
    }

    Path resolve(String relative) {
        return root.resolve(relative);
    }

    /**
     * One query of one dashboard panel or Grafana alert rule. {@code format} is Grafana's result format for SQL
     * queries, else empty.
     */
    record PanelQuery(String file, String panel, String refId, String datasourceType, String query,
                      String format) {
        @Override
        public String toString() {
            return file + " / " + panel + " / " + refId;
        }
    }

    List<PanelQuery> panelQueries() {
        List<PanelQuery> out = new ArrayList<>();
        for (Path file : files("grafana/dashboards", ".json")) {
            JsonNode board = read(JSON, file);
            String dashboard = file.getFileName().toString();
            collect(dashboard, board.path("panels"), out);
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no panel queries under " + root.resolve("grafana/dashboards"));
        }
        return out;
    }

    List<PanelQuery> panelQueries(String datasourceType) {
        return panelQueries().stream().filter(q -> q.datasourceType().equals(datasourceType)).toList();
    }

    /** The SQL of every Grafana-managed alert rule in {@code grafana/provisioning/alerting}. */
    List<PanelQuery> alertQueries() {
        List<PanelQuery> out = new ArrayList<>();
        for (Path file : files("grafana/provisioning/alerting", ".yaml")) {
            for (JsonNode group : read(YAML, file).path("groups")) {
                for (JsonNode rule : group.path("rules")) {
                    for (JsonNode data : rule.path("data")) {
                        if (data.path("datasourceUid").asText().equals(TIMESCALEDB_UID)) {
                            out.add(new PanelQuery(file.getFileName().toString(), rule.path("title").asText(),
                                    data.path("refId").asText(), POSTGRES, data.path("model").path("rawSql").asText(),
                                    data.path("model").path("format").asText("")));
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The {@code expr} of every alerting or recording rule in {@code prometheus/rules}. */
    List<String> ruleExpressions() {
        List<String> out = new ArrayList<>();
        for (Path file : files("prometheus/rules", ".yml")) {
            for (JsonNode group : read(YAML, file).path("groups")) {
                for (JsonNode rule : group.path("rules")) {
                    out.add(rule.path("expr").asText());
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no rules under " + root.resolve("prometheus/rules"));
        }
        return out;
    }

    String read(String relative) {
        try {
            return Files.readString(root.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(String dashboard, JsonNode panels, List<PanelQuery> out) {
        for (JsonNode panel : panels) {
            collect(dashboard, panel.path("panels"), out); // rows may nest collapsed panels
            String panelType = panel.path("datasource").path("type").asText();
            for (JsonNode target : panel.path("targets")) {
                String type = target.path("datasource").path("type").asText(panelType);
                String query = type.equals(PROMETHEUS) ? target.path("expr").asText() : target.path("rawSql").asText();
                out.add(new PanelQuery(dashboard, panel.path("title").asText(), target.path("refId").asText(), type,
                        query, target.path("format").asText("")));
            }
        }
    }

    private List<Path> files(String dir, String suffix) {
        try (Stream<Path> s = Files.list(root.resolve(dir))) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(ObjectMapper mapper, Path file) {
        try {
            return mapper.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
    }
}
