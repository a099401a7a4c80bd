package org.porchlight.core.reading;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A plain-text list of patterns, grouped in {@code [sections]}, read from the class path.
 *
 * <p>Lines starting with {@code #} are comments. {@code {name} = regex} defines a shorthand that
 * later lines use as {@code {name}}. Every other line is one regular expression, matched against
 * normalised text as a whole phrase: it may not start or end in the middle of a word.
 */
final class PatternFile {
  private static final Pattern DEFINITION = Pattern.compile("^\\{([a-z][\\w-]*)\\}\\s*=\\s*(.+)$");
  private static final Pattern SECTION = Pattern.compile("^\\[([\\w-]+)\\]$");
  // Shorthands are lower case; "\\p{L}" and "{2}" stay regular expression syntax.
  private static final Pattern USE = Pattern.compile("(?<!\\\\[pP])\\{([a-z][\\w-]*)\\}");

  private final Map<String, List<Pattern>> sections;

  private PatternFile(Map<String, List<Pattern>> sections) {
    this.sections = sections;
  }

  /** Reads {@code name} from this package's folder on the class path. */
  static PatternFile load(String name) {
    String path = "org/porchlight/core/reading/" + name;
    ClassLoader loader = PatternFile.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("pattern file missing from the class path: " + path);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return parse(name, reader.lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  static PatternFile parse(String name, List<String> lines) {
    Map<String, String> shorthands = new LinkedHashMap<>();
    Map<String, List<Pattern>> sections = new LinkedHashMap<>();
    List<Pattern> current = null;
    int number = 0;
    for (String raw : lines) {
      number++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Matcher section = SECTION.matcher(line);
      Matcher definition = DEFINITION.matcher(line);
      if (section.matches()) {
        current = sections.computeIfAbsent(section.group(1), k -> new ArrayList<>());
      } else if (definition.matches()) {
        shorthands.put(definition.group(1), expand(definition.group(2), shorthands, name, number));
      } else if (current == null) {
        throw new IllegalStateException(name + ":" + number + ": pattern before any [section]");
      } else {
        current.add(compile(expand(line, shorthands, name, number), name, number));
      }
    }
    return new PatternFile(sections);
  }

  /** The patterns of a section, in file order; empty if the file has no such section. */
  List<Pattern> section(String name) {
    return sections.getOrDefault(name, List.of());
  }

  private static String expand(String line, Map<String, String> shorthands, String file, int n) {
    Matcher use = USE.matcher(line);
    StringBuilder out = new StringBuilder();
    while (use.find()) {
      String body = shorthands.get(use.group(1));
      if (body == null) {
        throw new IllegalStateException(
            file + ":" + n + ": unknown shorthand {" + use.group(1) + "}");
      }
      use.appendReplacement(out, Matcher.quoteReplacement("(?:" + body + ")"));
    }
    use.appendTail(out);
    return out.toString();
  }

  private static Pattern compile(String regex, String file, int n) {
    try {
      // Whole words only: "kms" must not fire inside "kmsg", nor "sad" inside "crusade".
      return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + regex + ")(?![\\p{L}\\p{N}])");
    } catch (PatternSyntaxException e) {
      throw new IllegalStateException(file + ":" + n + ": " + e.getDescription(), e);
    }
  }
}
