package org.porchlight.core.reading;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The hand-written example messages a sentence model learns from, grouped by what they should be
 * read as: crisis kinds, the hard negatives beside them (not a crisis, though they may use death or
 * violence words), and fine and rough moods. Each kind keeps a part apart, {@code heldOut}, that is
 * never learnt from and that the quality report measures on.
 *
 * @param crisis kinds that are a crisis, such as {@code wish-to-be-dead}
 * @param notCrisis kinds that are not, such as {@code idioms-and-hyperbole}
 * @param moodFine kinds of a fine day; may be empty, with {@code moodRough}, when mood is not read
 * @param moodRough kinds of a rough day
 */
public record Examples(
    List<Kind> crisis, List<Kind> notCrisis, List<Kind> moodFine, List<Kind> moodRough) {
  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  /**
   * One kind of message and its examples.
   *
   * @param id lowercase words joined by dashes, unique across all groups
   * @param examples what is learnt from; at least one
   * @param heldOut what is measured on, never learnt from; may be empty
   */
  public record Kind(String id, List<String> examples, List<String> heldOut) {
    public Kind {
      requireNonNull(id, "id == null");
      requireNonNull(examples, "examples == null");
      requireNonNull(heldOut, "heldOut == null");
      if (!ID.matcher(id).matches()) {
        throw new IllegalArgumentException(
            "kind '" + id + "' must be lowercase words joined by dashes");
      }
      examples = List.copyOf(examples);
      heldOut = List.copyOf(heldOut);
      if (examples.isEmpty()) {
        throw new IllegalArgumentException("kind '" + id + "' has no examples");
      }
      if (Stream.concat(examples.stream(), heldOut.stream()).anyMatch(String::isBlank)) {
        throw new IllegalArgumentException("kind '" + id + "' has a blank example");
      }
    }
  }

  public Examples {
    crisis = List.copyOf(requireNonNull(crisis, "crisis == null"));
    notCrisis = List.copyOf(requireNonNull(notCrisis, "notCrisis == null"));
    moodFine = List.copyOf(requireNonNull(moodFine, "moodFine == null"));
    moodRough = List.copyOf(requireNonNull(moodRough, "moodRough == null"));
    if (crisis.isEmpty()) throw new IllegalArgumentException("there are no crisis kinds");
    if (notCrisis.isEmpty()) throw new IllegalArgumentException("there are no not-crisis kinds");
    if (moodFine.isEmpty() != moodRough.isEmpty()) {
      throw new IllegalArgumentException(
          "mood needs both fine and rough kinds, or neither (found "
              + (moodFine.isEmpty() ? "rough" : "fine")
              + " only)");
    }
    Set<String> ids = new HashSet<>();
    for (Kind kind :
        Stream.of(crisis, notCrisis, moodFine, moodRough).flatMap(List::stream).toList()) {
      if (!ids.add(kind.id())) {
        throw new IllegalArgumentException("kind '" + kind.id() + "' appears twice");
      }
    }
  }

  /** Whether fine and rough examples are there to read mood by. */
  public boolean readsMood() {
    return !moodFine.isEmpty();
  }

  /** Every kind, crisis first, then not-crisis, fine and rough. */
  public List<Kind> all() {
    List<Kind> all = new ArrayList<>(crisis);
    all.addAll(notCrisis);
    all.addAll(moodFine);
    all.addAll(moodRough);
    return List.copyOf(all);
  }
}
