package org.porchlight.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The documentation is read on GitHub, one link at a time: a link to a moved file or a renamed
 * heading leads a newcomer nowhere, and nothing else would notice. The README is the first page
 * anyone reads, so it is kept short enough to read to the end.
 */
final class DocumentationLinksTest {
  // Paths are relative to the project root, which is the tests' working directory.
  private static final Path README = Path.of("README.md");
  private static final Path CONTRIBUTING = Path.of("CONTRIBUTING.md");
  private static final Path DOCS = Path.of("docs");
  private static final int MOST_README_LINES = 200;

  // [text](target) or [text](target "title"); an image, ![alt](target), is checked the same way.
  private static final Pattern LINK =
      Pattern.compile("\\[[^\\]]*\\]\\(\\s*([^)\\s]+)(?:\\s+\"[^\"]*\")?\\s*\\)");
  private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}\\s+(.*?)(?:\\s+#+)?\\s*$");
  private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~)");
  private static final Pattern INLINE_CODE = Pattern.compile("`[^`]*`");
  // What GitHub drops from a heading's text when it makes the anchor: everything but letters,
  // digits, marks, underscores, hyphens and spaces.
  private static final Pattern NOT_IN_ANCHOR = Pattern.compile("[^\\p{L}\\p{N}\\p{M}_\\- ]");

  @Test
  void everyRelativeLinkInTheDocsResolves() {
    List<String> broken = new ArrayList<>();
    for (Path doc : documents()) {
      for (String target : linksIn(doc)) {
        problemWith(doc, target).ifPresent(problem -> broken.add(doc + ": " + problem));
      }
    }

    assertThat(broken).as("links that lead nowhere").isEmpty();
  }

  @Test
  void theReadmeStaysShort() {
    assertThat(lines(README))
        .as("README.md is read to the end only if it is short: move details to docs/")
        .hasSizeLessThanOrEqualTo(MOST_README_LINES);
  }

  @Test
  void theReadmeLinksToEveryDoc() {
    Set<Path> linked = new HashSet<>();
    for (String target : linksIn(README)) {
      if (!isExternal(target)) linked.add(Path.of(withoutAnchor(target)).normalize());
    }
    List<Path> docs = new ArrayList<>(documents());
    docs.remove(README);

    assertThat(linked).as("docs a newcomer can reach from README.md").containsAll(docs);
  }

  @Test
  void anchorsAreMadeTheWayGitHubMakesThem() {
    assertThat(anchors(List.of("# Run with Docker"))).containsExactly("run-with-docker");
    assertThat(anchors(List.of("## Seeing it: /mydata and export")))
        .containsExactly("seeing-it-mydata-and-export");
    assertThat(anchors(List.of("## Members' commands"))).containsExactly("members-commands");
    assertThat(anchors(List.of("## `porchlight doctor`"))).containsExactly("porchlight-doctor");
    assertThat(anchors(List.of("## See [the docs](docs/x.md)"))).containsExactly("see-the-docs");
    assertThat(anchors(List.of("## Limits", "## Limits"))).containsExactly("limits", "limits-1");
    assertThat(anchors(List.of("```sh", "# a comment, not a heading", "```"))).isEmpty();
  }

  /** README.md, CONTRIBUTING.md and every file in docs/ ending in .md. */
  private static List<Path> documents() {
    List<Path> documents = new ArrayList<>(List.of(README, CONTRIBUTING));
    try (Stream<Path> files = Files.list(DOCS)) {
      files.filter(file -> file.toString().endsWith(".md")).sorted().forEach(documents::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return documents;
  }

  /** What is wrong with a link, if anything: a missing file, or no heading for its anchor. */
  private static Optional<String> problemWith(Path doc, String target) {
    if (isExternal(target)) return Optional.empty();
    String path = withoutAnchor(target);
    String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : "";
    Path file = path.isEmpty() ? doc : resolve(doc, path);
    if (file.startsWith("..")) {
      return Optional.of(target + " leads out of the repository");
    }
    if (!Files.exists(file)) return Optional.of(target + ": there is no " + file);
    if (!anchor.isEmpty() && !anchors(lines(file)).contains(anchor)) {
      return Optional.of(target + ": " + file + " has no heading with this anchor");
    }
    return Optional.empty();
  }

  private static Path resolve(Path doc, String path) {
    Path folder = doc.getParent() == null ? Path.of("") : doc.getParent();
    return folder.resolve(path).normalize();
  }

  // Only links within the repository are checked: the web changes without us.
  private static boolean isExternal(String target) {
    String lower = target.toLowerCase(Locale.ROOT);
    return lower.startsWith("http://")
        || lower.startsWith("https://")
        || lower.startsWith("mailto:");
  }

  private static String withoutAnchor(String target) {
    int hash = target.indexOf('#');
    return hash < 0 ? target : target.substring(0, hash);
  }

  /** Every link target in a document, outside code: a link shown as code is not a link. */
  private static List<String> linksIn(Path doc) {
    List<String> targets = new ArrayList<>();
    for (String line : outsideCodeBlocks(lines(doc))) {
      Matcher link = LINK.matcher(INLINE_CODE.matcher(line).replaceAll(""));
      while (link.find()) targets.add(link.group(1));
    }
    return targets;
  }

  /** The anchors GitHub gives a document's headings, in order, repeats numbered as it does. */
  private static List<String> anchors(List<String> lines) {
    List<String> anchors = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (String line : outsideCodeBlocks(lines)) {
      Matcher heading = HEADING.matcher(line);
      if (!heading.matches()) continue;
      String anchor = anchorOf(heading.group(1));
      int times = seen.merge(anchor, 1, Integer::sum);
      anchors.add(times == 1 ? anchor : anchor + "-" + (times - 1));
    }
    return anchors;
  }

  private static String anchorOf(String heading) {
    // GitHub makes the anchor from the text as shown: a link's words, code without its marks.
    String shown = heading.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replace("`", "");
    String kept = NOT_IN_ANCHOR.matcher(shown.strip().toLowerCase(Locale.ROOT)).replaceAll("");
    return kept.replace(' ', '-');
  }

  // A '#' or a '[x](y)' inside a fenced block is code (a shell comment, an example), not Markdown.
  private static List<String> outsideCodeBlocks(List<String> lines) {
    List<String> outside = new ArrayList<>();
    String fence = null;
    for (String line : lines) {
      Matcher opening = FENCE.matcher(line);
      if (fence == null && opening.find()) {
        fence = opening.group(1);
      } else if (fence != null && line.strip().startsWith(fence)) {
        fence = null;
      } else if (fence == null) {
        outside.add(line);
      }
    }
    return outside;
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
