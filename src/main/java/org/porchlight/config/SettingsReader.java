package org.porchlight.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the settings in three layers, each over the one before: the defaults built into the jar,
 * the settings file, the environment. The merged tree is checked against {@link Limits} and bound
 * once; a mistake is named where it was made (the file's line and key, or the variable).
 */
final class SettingsReader {
  static final String DEFAULTS = "/porchlight/config/defaults.yaml";
  private static final String DEFAULTS_NAME = "built-in defaults.yaml";

  private static final List<Renamed> RENAMED =
      List.of(
          new Renamed("crisis.repeatWindowMinutes", "crisis.repeatWindow", "m"),
          new Renamed("schedule.sweepSeconds", "schedule.sweepEvery", "s"),
          new Renamed("shutdown.deadlineSeconds", "shutdown.deadline", "s"));

  static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .registerModule(new JavaTimeModule())
          // After JavaTimeModule, so durations are read in our notation, not ISO-8601's.
          .registerModule(
              new SimpleModule("durations")
                  .addDeserializer(Duration.class, new Durations.Deserializer()))
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          // Every key has its default in defaults.yaml; one missing there is a bug to show.
          .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

  private static final JsonNode DEFAULT_TREE = defaultTree();

  private final Optional<Path> file;
  private final JsonNode fileTree;
  private final ObjectNode environmentTree;

  private SettingsReader(Optional<Path> file, JsonNode fileTree, ObjectNode environmentTree) {
    this.file = file;
    this.fileTree = fileTree;
    this.environmentTree = environmentTree;
  }

  /** The defaults alone. */
  static Settings defaults() {
    return read(Optional.empty(), Map.of());
  }

  /** The defaults, then {@code file} when there is one, then {@code env}. */
  static Settings read(Optional<Path> file, Map<String, String> env) {
    JsonNode fromFile = file.map(SettingsReader::fileTree).orElse(MissingNode.getInstance());
    SettingsReader reader = new SettingsReader(file, fromFile, Environment.tree(env, DEFAULT_TREE));
    return reader.bind();
  }

  /** The defaults' tree, a copy of it each time. */
  static JsonNode defaultTree() {
    if (DEFAULT_TREE != null) return DEFAULT_TREE.deepCopy();
    try (InputStream in = SettingsReader.class.getResourceAsStream(DEFAULTS)) {
      if (in == null) throw new IllegalStateException(DEFAULTS_NAME + " is missing");
      return YAML.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Settings bind() {
    for (Renamed renamed : RENAMED) {
      JsonNode old = fileTree.at(Limits.pointer(renamed.old()));
      if (old.isMissingNode()) continue;
      String example = DEFAULT_TREE.at(Limits.pointer(renamed.now())).asText();
      throw new ConfigException(
          inFile(List.of(renamed.old().split("\\.")))
              + renamed.message(old.asText(), example)
              + ".");
    }
    ObjectNode merged = DEFAULT_TREE.deepCopy();
    merge(merged, fileTree);
    merge(merged, environmentTree);
    Optional<Limits.Problem> outOfRange = Limits.firstProblem(merged, DEFAULT_TREE);
    if (outOfRange.isPresent()) {
      Limits.Problem problem = outOfRange.get();
      throw new ConfigException(
          where(List.of(problem.key().split("\\.")), true) + problem.message() + ".");
    }
    try {
      return YAML.treeToValue(merged, Settings.class);
    } catch (JsonProcessingException e) {
      throw new ConfigException(describe(e, merged));
    }
  }

  /** {@code from} over {@code into}, key by key; an empty value ({@code token:}) is left out. */
  private static void merge(ObjectNode into, JsonNode from) {
    Iterator<Map.Entry<String, JsonNode>> fields = from.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode value = field.getValue();
      if (value.isNull()) continue;
      if (into.get(field.getKey()) instanceof ObjectNode section && value.isObject()) {
        merge(section, value);
      } else {
        into.set(field.getKey(), value.deepCopy());
      }
    }
  }

  private String describe(JsonProcessingException e, JsonNode merged) {
    List<String> names =
        e instanceof JsonMappingException mapping
            ? mapping.getPath().stream()
                .map(
                    ref ->
                        ref.getFieldName() != null
                            ? ref.getFieldName()
                            : "[" + ref.getIndex() + "]")
                .toList()
            : List.of();
    boolean leaf = !names.isEmpty() && merged.at(pointer(names)).isValueNode();
    return where(names, leaf) + ConfigLoader.problem(e);
  }

  /**
   * Where the value at {@code names} came from, as the start of a sentence: the variable that set
   * it, or the file's line and key, or the built-in defaults.
   */
  private String where(List<String> names, boolean leaf) {
    String key = String.join(".", names);
    boolean fromEnvironment = !environmentTree.at(pointer(names)).isMissingNode();
    if (leaf && fromEnvironment) {
      Optional<Environment.Variable> variable = Environment.setting(key);
      if (variable.isPresent()) {
        return "an environment variable: " + variable.get().name() + " ";
      }
    }
    if (file.isPresent() && !fileTree.at(pointer(names)).isMissingNode()) return inFile(names);
    if (fromEnvironment) return "the environment, key '" + key + "': ";
    return DEFAULTS_NAME + (key.isEmpty() ? "" : ", key '" + key + "'") + ": ";
  }

  private String inFile(List<String> names) {
    Path path = file.orElseThrow();
    StringBuilder where = new StringBuilder(path.toString());
    ConfigLoader.lineOfKey(path, names).ifPresent(line -> where.append(", line ").append(line));
    return where + ", key '" + String.join(".", names) + "': ";
  }

  private static String pointer(List<String> names) {
    return names.isEmpty() ? "" : "/" + String.join("/", names);
  }

  private static JsonNode fileTree(Path file) {
    JsonNode tree;
    try {
      tree = YAML.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      throw new ConfigException(ConfigLoader.describe(file.toString(), e));
    } catch (IOException e) {
      throw new ConfigException("Porchlight could not read " + file + ": " + e.getMessage());
    }
    // A file of comments only is no settings at all: every key takes its default.
    if (tree == null || tree.isMissingNode() || tree.isNull()) return MissingNode.getInstance();
    if (!tree.isObject()) {
      throw new ConfigException(
          file + ": the settings are keys with values, like 'locale: en', not a list or a text.");
    }
    return tree;
  }
}
