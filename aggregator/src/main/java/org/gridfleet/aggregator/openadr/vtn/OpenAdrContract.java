package org.gridfleet.aggregator.openadr.vtn;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Loads the official OpenADR 3.0.1 contract (copied onto the classpath at build time from
 * {@code reference/openadr3/3.0.1/openadr3.yaml}). Three changes are made in memory only, never to the file:
 * <ul>
 *   <li>the {@code servers} entry is removed so paths are relative to wherever the router is mounted;</li>
 *   <li>the form-encoded request body of {@code POST /auth/token} is dropped: vertx-openapi cannot model
 *       {@code application/x-www-form-urlencoded}, and the token endpoint checks its form itself;</li>
 *   <li>each operation's {@code security} is taken out after its OAuth2 scope is recorded: Gridfleet enforces
 *       the scope with its own bearer-token handler (read literally, the contract's {@code bearerAuth}
 *       alternative would let any token through).</li>
 * </ul>
 * Every request and response schema stays as published.
 */
public final class OpenAdrContract {

    /** Classpath location of the 3.0.1 contract. */
    public static final String CLASSPATH_301 = "openadr/3.0.1/openadr3.yaml";
    private static final String OAUTH_SCHEME = "oAuth2ClientCredentials";

    /**
     * @param scopeByOperationId the OAuth2 scope each protected operation declares, e.g. createEvent -> write_events
     */
    public record Loaded(OpenAPIContract contract, Map<String, String> scopeByOperationId) {
        public Loaded {
            scopeByOperationId = Map.copyOf(scopeByOperationId);
        }
    }

    private OpenAdrContract() {
    }

    public static Future<Loaded> load(Vertx vertx, String location) {
        return vertx.fileSystem().readFile(location).compose(buffer -> {
            JsonObject raw;
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> map = new ObjectMapper(new YAMLFactory()).readValue(buffer.getBytes(), Map.class);
                raw = new JsonObject(map);
            } catch (IOException e) {
                return Future.failedFuture(new IllegalStateException("cannot parse OpenADR contract " + location, e));
            }
            raw.remove("servers");
            raw.getJsonObject("paths").getJsonObject("/auth/token").getJsonObject("post").remove("requestBody");
            Map<String, String> scopes = takeScopes(raw.getJsonObject("paths"));
            return OpenAPIContract.from(vertx, raw).map(contract -> new Loaded(contract, scopes));
        });
    }

    private static Map<String, String> takeScopes(JsonObject paths) {
        Map<String, String> scopes = new HashMap<>();
        for (String path : paths.fieldNames()) {
            JsonObject item = paths.getJsonObject(path);
            for (String method : item.fieldNames()) {
                if (!(item.getValue(method) instanceof JsonObject operation) || !operation.containsKey("operationId")) {
                    continue;
                }
                JsonArray security = (JsonArray) operation.remove("security");
                if (security == null) {
                    continue;
                }
                for (int i = 0; i < security.size(); i++) {
                    JsonArray named = security.getJsonObject(i).getJsonArray(OAUTH_SCHEME);
                    if (named != null && !named.isEmpty()) {
                        scopes.put(operation.getString("operationId"), named.getString(0));
                    }
                }
            }
        }
        return scopes;
    }
}
