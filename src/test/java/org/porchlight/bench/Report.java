package org.porchlight.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoublePredicate;

/**
 * The figures of one benchmark run: a table for people, and {@code results.json} for tools. A
 * figure may carry a target; a missed target is reported, never thrown.
 */
final class Report {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** What a figure should reach, as said in the design, and the check for it. */
  record Target(String text, DoublePredicate met) {}

  private record Figure(Object value, Target target) {}

  private final Map<String, Figure> figures = new LinkedHashMap<>();

  /** A figure without a target. */
  synchronized void put(String key, Object value) {
    figures.put(key, new Figure(value, null));
  }

  /** A figure and the target it is held to. */
  synchronized void put(String key, double value, Target target) {
    figures.put(key, new Figure(value, target));
  }

  static Target atLeast(double least) {
    return new Target(">= " + format(least), value -> value >= least);
  }

  static Target below(double limit) {
    return new Target("< " + format(limit), value -> value < limit);
  }

  static Target zero() {
    return new Target("0", value -> value == 0);
  }

  /** Key, figure, target and whether it was met, one line each. */
  synchronized String table() {
    int width = figures.keySet().stream().mapToInt(String::length).max().orElse(3);
    StringBuilder table = new StringBuilder();
    String row = "%-" + width + "s  %14s  %10s  %s%n";
    table.append(String.format(row, "key", "figure", "target", "met?"));
    table.append("-".repeat(width + 36)).append('\n');
    figures.forEach(
        (key, figure) -> {
          Target target = figure.target();
          table.append(
              String.format(
                  row,
                  key,
                  text(figure.value()),
                  target == null ? "" : target.text(),
                  target == null ? "" : met(figure) ? "yes" : "NO"));
        });
    return table.toString();
  }

  /**
   * Writes {@code file}: the date, the machine, every figure nested by the dots in its key ({@code
   * fanout.lost} under {@code fanout}), and each target with whether it was met.
   */
  synchronized void write(Path file, LocalDate date, Map<String, Object> machine) {
    ObjectNode root = NODES.objectNode();
    root.put("date", date.toString());
    root.set("machine", new ObjectMapper().valueToTree(machine));
    ArrayNode targets = NODES.arrayNode();
    figures.forEach(
        (key, figure) -> {
          ObjectNode parent = root;
          String[] path = key.split("\\.");
          for (int i = 0; i < path.length - 1; i++) parent = parent.withObjectProperty(path[i]);
          parent.set(path[path.length - 1], new ObjectMapper().valueToTree(jsonValue(figure)));
          if (figure.target() != null) {
            targets
                .addObject()
                .put("key", key)
                .put("target", figure.target().text())
                .put("met", met(figure));
          }
        });
    root.set("targets", targets);
    try {
      Files.createDirectories(file.getParent());
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // Whole numbers are written whole: 176, not 176.0.
  private static Object jsonValue(Figure figure) {
    return figure.value() instanceof Double number && number == Math.rint(number)
        ? (Object) number.longValue()
        : figure.value();
  }

  private static boolean met(Figure figure) {
    return figure.value() instanceof Number number
        && figure.target().met().test(number.doubleValue());
  }

  private static String text(Object value) {
    return value instanceof Double number ? format(number) : String.valueOf(value);
  }

  // Whole numbers print whole; others with two decimals.
  private static String format(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? String.valueOf((long) value)
        : String.format("%.2f", value);
  }
}
