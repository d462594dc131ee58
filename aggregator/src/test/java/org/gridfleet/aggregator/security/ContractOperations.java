package org.gridfleet.aggregator.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gridfleet.aggregator.http.ContractValidator;

/** The {@code /api/v1} operations of the served contract, so the security tests cover whatever the contract grows. */
public final class ContractOperations {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete");
    private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z]+)}");

    /** One operation: {@code method} upper-case, {@code pathTemplate} like {@code /api/v1/fleets/{fleetId}}, its query parameters. */
    record Operation(String operationId, String method, String pathTemplate, boolean hasBody, List<String> queryParams) {

        List<String> pathParams() {
            List<String> out = new ArrayList<>();
            Matcher m = PARAM.matcher(pathTemplate);
            while (m.find()) {
                out.add(m.group(1));
            }
            return out;
        }

        /** The path with every parameter replaced from {@code ids}. */
        String path(Map<String, String> ids) {
            String p = pathTemplate;
            for (String name : pathParams()) {
                p = p.replace("{" + name + "}", ids.get(name));
            }
            return p;
        }

        @Override
        public String toString() {
            return method + " " + pathTemplate;
        }
    }

    private ContractOperations() {
    }

    static List<Operation> apiV1() {
        JsonNode doc = load();
        List<Operation> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/v1/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (METHODS.contains(op.getKey())) {
                    out.add(new Operation(op.getValue().get("operationId").asText(), op.getKey().toUpperCase(),
                            path.getKey(), op.getValue().has("requestBody"), queryParams(doc, op.getValue())));
                }
            }
        }
        return out;
    }

    /**
     * Names of the number properties the contract lets go negative (no {@code minimum}), such as a regulation
     * signal's {@code value}: a negative number there is a valid value, not an attack.
     */
    static Set<String> signedNumberFields() {
        Set<String> out = new java.util.TreeSet<>();
        collectSigned(load(), out);
        return out;
    }

    private static void collectSigned(JsonNode node, Set<String> out) {
        for (Iterator<Map.Entry<String, JsonNode>> props = node.path("properties").fields(); props.hasNext(); ) {
            Map.Entry<String, JsonNode> p = props.next();
            String type = p.getValue().path("type").asText();
            if ((type.equals("number") || type.equals("integer"))
                    && !p.getValue().has("minimum") && !p.getValue().has("exclusiveMinimum")) {
                out.add(p.getKey());
            }
        }
        node.elements().forEachRemaining(child -> collectSigned(child, out));
    }

    private static List<String> queryParams(JsonNode doc, JsonNode op) {
        List<String> out = new ArrayList<>();
        for (JsonNode p : op.path("parameters")) {
            JsonNode param = p.has("$ref")
                    ? doc.at(p.get("$ref").asText().substring(1)) : p;
            if (param.path("in").asText().equals("query")) {
                out.add(param.get("name").asText());
            }
        }
        return out;
    }

    private static JsonNode load() {
        try (InputStream in = ContractOperations.class.getClassLoader().getResourceAsStream(ContractValidator.RESOURCE)) {
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
