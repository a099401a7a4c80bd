package org.porchlight.app;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code docker/Dockerfile} sets up, read from the file, so tests check and use the image's
 * own values. Knows as much of the Dockerfile syntax as that file uses: comments, continued lines,
 * one instruction per line.
 */
final class DockerImage {
  static final Path DOCKERFILE = Path.of("docker", "Dockerfile");

  private static final Pattern ENV_PAIR = Pattern.compile("(\\w+)=(\"([^\"]*)\"|\\S+)");

  /** One instruction: {@code keyword} upper-cased, {@code arguments} as written. */
  record Instruction(String keyword, String arguments) {}

  private final List<Instruction> instructions;

  private DockerImage(List<Instruction> instructions) {
    this.instructions = instructions;
  }

  static DockerImage read() {
    try {
      return parse(Files.readAllLines(DOCKERFILE, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static DockerImage parse(List<String> lines) {
    List<Instruction> instructions = new ArrayList<>();
    StringBuilder logical = new StringBuilder();
    for (String line : lines) {
      String trimmed = line.strip();
      // Comments may sit between continued lines; they are dropped there too.
      if (trimmed.isEmpty() || trimmed.startsWith("#")) continue;
      if (trimmed.endsWith("\\")) {
        logical.append(trimmed, 0, trimmed.length() - 1).append(' ');
        continue;
      }
      logical.append(trimmed);
      String[] parts = logical.toString().split("\\s+", 2);
      instructions.add(
          new Instruction(parts[0].toUpperCase(Locale.ROOT), parts.length > 1 ? parts[1] : ""));
      logical.setLength(0);
    }
    return new DockerImage(instructions);
  }

  /** The images of every stage's {@code FROM}, in order. */
  List<String> baseImages() {
    return all("FROM").stream().map(arguments -> arguments.split("\\s+")[0]).toList();
  }

  /** The arguments of every {@code keyword} instruction of the final stage. */
  List<String> finalStage(String keyword) {
    List<Instruction> last = new ArrayList<>();
    for (Instruction instruction : instructions) {
      if (instruction.keyword().equals("FROM")) last.clear();
      last.add(instruction);
    }
    return last.stream()
        .filter(instruction -> instruction.keyword().equals(keyword))
        .map(Instruction::arguments)
        .toList();
  }

  /** The arguments of the final stage's one {@code keyword} instruction. */
  String only(String keyword) {
    List<String> found = finalStage(keyword);
    if (found.size() != 1) {
      throw new IllegalStateException(
          DOCKERFILE + " has " + found.size() + " " + keyword + " in its final stage, not one");
    }
    return found.get(0);
  }

  /** The final stage's {@code ENV}: what the container starts with. */
  Map<String, String> environment() {
    Map<String, String> environment = new LinkedHashMap<>();
    for (String arguments : finalStage("ENV")) {
      Matcher pair = ENV_PAIR.matcher(arguments);
      while (pair.find()) {
        environment.put(pair.group(1), pair.group(3) != null ? pair.group(3) : pair.group(2));
      }
    }
    return environment;
  }

  /** The {@code ENTRYPOINT} in exec form, a JSON array; fails on the shell form. */
  List<String> entrypoint() {
    String arguments = only("ENTRYPOINT");
    if (!arguments.startsWith("[")) {
      throw new IllegalStateException("ENTRYPOINT is in shell form: " + arguments);
    }
    try {
      return new ObjectMapper().readValue(arguments, new TypeReference<List<String>>() {});
    } catch (IOException e) {
      throw new IllegalStateException("ENTRYPOINT is not a JSON array: " + arguments, e);
    }
  }

  private List<String> all(String keyword) {
    return instructions.stream()
        .filter(instruction -> instruction.keyword().equals(keyword))
        .map(Instruction::arguments)
        .toList();
  }
}
