package org.porchlight.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files of a config folder, each read from the folder when it is there and otherwise from the
 * copy built into Porchlight, with a broken file reported by its name, line and key.
 */
final class ContentFiles {
  private static final String BUILT_IN = "/porchlight/config/";

  private final ObjectMapper yaml =
      new ObjectMapper(new YAMLFactory())
          .registerModule(new JavaTimeModule())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private final Path folder;

  ContentFiles(Path folder) {
    this.folder = folder;
  }

  Path folder() {
    return folder;
  }

  record Located<T>(String name, T value) {}

  <T> Located<T> readContent(String fileName, Class<T> type) {
    Path file = folder.resolve(fileName);
    if (Files.isRegularFile(file)) return new Located<>(file.toString(), read(file, type));
    return readBuiltIn(fileName, type);
  }

  <T> Located<T> readBuiltIn(String fileName, Class<T> type) {
    String name = "built-in " + fileName;
    try (InputStream in = resource(fileName)) {
      return new Located<>(name, yaml.readValue(in, type));
    } catch (JsonProcessingException e) {
      throw new ConfigException(ConfigLoader.describe(name, e));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JsonNode builtIn(String fileName) {
    try (InputStream in = resource(fileName)) {
      return yaml.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static InputStream resource(String fileName) {
    InputStream in = ContentFiles.class.getResourceAsStream(BUILT_IN + fileName);
    if (in == null) throw new IllegalStateException("built-in " + fileName + " is missing");
    return in;
  }

  <T> T read(Path file, Class<T> type) {
    try {
      return yaml.readValue(file.toFile(), type);
    } catch (JsonProcessingException e) {
      throw new ConfigException(ConfigLoader.describe(file.toString(), e));
    } catch (IOException e) {
      throw new ConfigException("Porchlight could not read " + file + ": " + e.getMessage());
    }
  }
}
