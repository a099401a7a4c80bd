package org.porchlight.core.reading;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads fine, rough or unclear from normalised text that is neither a crisis nor a request. */
final class MoodReader {
  private static final Set<String> NEGATIONS = Set.of("not", "no", "never", "hardly", "barely");
  // A negation reaches over at most this many words: "not feeling so great".
  private static final int NEGATION_REACH = 3;
  // Only these words may stand between a negation and its cue: "not feeling so great" is
  // negated, "never forget how great" is not.
  private static final Set<String> LINKING =
      Set.of(
          "be",
          "been",
          "being",
          "feel",
          "feeling",
          "felt",
          "so",
          "too",
          "that",
          "very",
          "really",
          "all",
          "quite",
          "am",
          "is",
          "are",
          "was",
          "were",
          "doing",
          "a",
          "an",
          "at",
          "as",
          "exactly",
          "particularly",
          "super",
          "overly",
          "look",
          "looking",
          "sound",
          "sounds",
          "seem",
          "seems",
          "going",
          "getting",
          "get",
          "got",
          "having",
          "had",
          "have",
          "the",
          "my",
          "it",
          "this",
          "ever",
          "more",
          "any",
          "much",
          "terribly",
          "half",
          "well");
  // "never been so happy", "never felt this low": after "never" these make it stronger, not
  // its opposite.
  private static final Set<String> INTENSIFIERS_AFTER_NEVER = Set.of("so", "this", "more", "as");
  private static final Set<String> QUESTION_STARTS =
      Set.of(
          "what", "how", "why", "where", "when", "who", "which", "are", "is", "am", "do", "does",
          "did", "can", "could", "should", "would", "will", "any", "anyone", "anybody", "have",
          "has", "was", "were", "shall", "may", "you");
  private static final Pattern SENTENCE = Pattern.compile("[^.!?]+(?:[.!?]+|$)");
  // A winner needs this many more cues than the other side; fewer means mixed signals.
  private static final int CLEAR_LEAD = 2;

  private final List<Pattern> unsure;
  private final List<Pattern> neutral;
  private final List<Pattern> fine;
  private final List<Pattern> rough;
  private final List<Pattern> english;
  private final List<Pattern> otherLanguage;

  MoodReader(PatternFile file) {
    this.unsure = file.section("unsure");
    this.neutral = file.section("neutral");
    this.fine = file.section("fine");
    this.rough = file.section("rough");
    this.english = file.section("english");
    this.otherLanguage = file.section("other-language");
  }

  Reading read(String normalized) {
    String text = withoutQuestions(normalized);
    if (text.isBlank() || anyFind(unsure, text) || !looksEnglish(text)) {
      return Reading.UNCLEAR;
    }
    for (Pattern pattern : neutral) {
      text = pattern.matcher(text).replaceAll(" ; ");
    }
    int fineCues = 0;
    int roughCues = 0;
    for (Cue cue : cues(text)) {
      boolean isFine = cue.fine() != (cue.negatable(text) && negated(text, cue.start()));
      if (isFine) {
        fineCues++;
      } else {
        roughCues++;
      }
    }
    if (fineCues >= roughCues + CLEAR_LEAD || (fineCues > 0 && roughCues == 0)) {
      return Reading.FINE;
    }
    if (roughCues >= fineCues + CLEAR_LEAD || (roughCues > 0 && fineCues == 0)) {
      return Reading.ROUGH;
    }
    return Reading.UNCLEAR;
  }

  /** Drops sentences that ask something ("how are you?"); "good, you?" keeps its answer. */
  private static String withoutQuestions(String text) {
    StringBuilder kept = new StringBuilder();
    Matcher sentence = SENTENCE.matcher(text);
    while (sentence.find()) {
      String s = sentence.group().strip();
      String first = s.isEmpty() ? "" : s.split(" ", 2)[0];
      if (!(s.endsWith("?") && QUESTION_STARTS.contains(first))) {
        kept.append(s).append(' ');
      }
    }
    return kept.toString().strip();
  }

  private boolean looksEnglish(String text) {
    int other = count(otherLanguage, text);
    return other == 0 || count(english, text) >= other;
  }

  /** All fine and rough cues; where two overlap, the longer one wins. */
  private List<Cue> cues(String text) {
    List<Cue> found = new ArrayList<>();
    collect(fine, true, text, found);
    collect(rough, false, text, found);
    found.sort(Comparator.comparingInt((Cue c) -> c.end() - c.start()).reversed());
    List<Cue> kept = new ArrayList<>();
    for (Cue cue : found) {
      if (kept.stream().noneMatch(k -> k.start() < cue.end() && cue.start() < k.end())) {
        kept.add(cue);
      }
    }
    return kept;
  }

  private static void collect(List<Pattern> patterns, boolean fine, String text, List<Cue> out) {
    for (Pattern pattern : patterns) {
      Matcher m = pattern.matcher(text);
      while (m.find()) {
        out.add(new Cue(m.start(), m.end(), fine));
      }
    }
  }

  private static boolean negated(String text, int cueStart) {
    String[] before = text.substring(0, cueStart).strip().split(" ");
    boolean intensified = false;
    for (int i = before.length - 1, seen = 0; i >= 0 && seen <= NEGATION_REACH; i--, seen++) {
      String word = before[i];
      if (NEGATIONS.contains(word)) {
        return !(word.equals("never") && intensified);
      }
      if (!LINKING.contains(word) || seen == NEGATION_REACH) {
        return false;
      }
      intensified |= INTENSIFIERS_AFTER_NEVER.contains(word);
    }
    return false;
  }

  private static boolean anyFind(List<Pattern> patterns, String text) {
    return patterns.stream().anyMatch(p -> p.matcher(text).find());
  }

  private static int count(List<Pattern> patterns, String text) {
    int n = 0;
    for (Pattern pattern : patterns) {
      Matcher m = pattern.matcher(text);
      while (m.find()) {
        n++;
      }
    }
    return n;
  }

  private record Cue(int start, int end, boolean fine) {
    /** Words can be negated; an emoji after "do not give up" is still a smile. */
    boolean negatable(String text) {
      return text.substring(start, end).codePoints().anyMatch(Character::isLetter);
    }
  }
}
