package org.gridfleet.v2g.ocpp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The finite action sets of each OCPP version, so per-action meters can be registered before the first frame.
 * Inbound: every action that has a request schema on the classpath (what {@link OcppSchemas#knows} accepts).
 * Outbound: the CALLs Gridfleet's adapters build (kept in step with them by {@code OutboundFramesTest}).
 */
public final class OcppActions {
  private static final Map<OcppVersion, List<String>> INBOUND = new EnumMap<>(OcppVersion.class);

  static {
    for (OcppVersion v : OcppVersion.values()) {
      INBOUND.put(v, listSchemas(v));
    }
  }

  private OcppActions() {}

  /** Actions a charger may send (a request schema exists), sorted; never empty. */
  public static List<String> inbound(OcppVersion version) {
    return INBOUND.get(version);
  }

  /** CALLs Gridfleet sends on this version: control values, the fallback profile and the one-off commands. */
  public static List<String> outbound(OcppVersion version) {
    return switch (version) {
      case V2_1 -> List.of("ClearChargingProfile", "GetCompositeSchedule", "RequestStartTransaction",
          "RequestStopTransaction", "SetChargingProfile", "TriggerMessage", "UpdateDynamicSchedule");
      case V2_0_1 -> List.of("ClearChargingProfile", "GetCompositeSchedule", "RequestStartTransaction",
          "RequestStopTransaction", "SetChargingProfile", "TriggerMessage");
      case V1_6 -> List.of("ClearChargingProfile", "GetCompositeSchedule", "RemoteStartTransaction",
          "RemoteStopTransaction", "SetChargingProfile", "TriggerMessage");
    };
  }

  /** Read once at class load from the schema directory (a plain directory in tests, a jar entry when packaged). */
  private static List<String> listSchemas(OcppVersion version) {
    String dir = version.schemaDirectory();
    URL url = OcppActions.class.getClassLoader().getResource(dir);
    if (url == null) {
      throw new IllegalStateException("OCPP schemas missing from the classpath: " + dir);
    }
    try {
      URI uri = url.toURI();
      if (!"jar".equals(uri.getScheme())) {
        return actions(Path.of(uri), version.requestSuffix());
      }
      try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
        return actions(jar.getPath("/" + dir), version.requestSuffix());
      } catch (FileSystemAlreadyExistsException e) {
        // opened elsewhere: list through that one and leave it open
        return actions(FileSystems.getFileSystem(uri).getPath("/" + dir), version.requestSuffix());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list OCPP schemas in " + dir, e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("bad schema location " + url, e);
    }
  }

  /** Request schema files are {@code <Action><suffix>}; responses end in {@code Response.json}. */
  private static List<String> actions(Path dir, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<String> names = files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(suffix) && !n.endsWith("Response.json"))
          .map(n -> n.substring(0, n.length() - suffix.length()))
          .sorted()
          .toList();
      if (names.isEmpty()) {
        throw new IllegalStateException("no request schemas in " + dir);
      }
      return names;
    }
  }
}
