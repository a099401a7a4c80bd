package org.porchlight.core;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * A member's safety plan, in the member's own words: the steps of a standard safety plan, each
 * answered or skipped. Kept because the member wrote it, shown first in every crisis reply.
 */
public record SafetyPlan(Map<SafetyPlan.Section, String> answers) {
  public static final int MAX_ANSWER = 500;
  public static final SafetyPlan EMPTY = new SafetyPlan(Map.of());

  /** The steps of the plan, in the order they are asked. */
  public enum Section {
    WARNING_SIGNS("warning-signs"),
    ON_MY_OWN("on-my-own"),
    TAKE_MY_MIND_OFF("take-my-mind-off"),
    PEOPLE_TO_ASK("people-to-ask"),
    PROFESSIONALS("professionals"),
    SAFER_SURROUNDINGS("safer-surroundings");

    private final String key;

    Section(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }

    /** The name of a form's field that holds this section: {@code plan.warning-signs}. */
    public String formField() {
      return "plan." + key;
    }

    public static Optional<Section> fromKey(String key) {
      return Arrays.stream(values()).filter(section -> section.key.equals(key)).findFirst();
    }

    /** The section after this one, if any. */
    public Optional<Section> next() {
      return ordinal() + 1 < values().length
          ? Optional.of(values()[ordinal() + 1])
          : Optional.empty();
    }
  }

  public SafetyPlan {
    EnumMap<Section, String> copy = new EnumMap<>(Section.class);
    answers.forEach(
        (section, answer) -> {
          if (answer.isBlank() || answer.length() > MAX_ANSWER) {
            throw new IllegalArgumentException(
                "an answer is 1 to " + MAX_ANSWER + " characters: " + section.key());
          }
          copy.put(section, answer);
        });
    answers = Collections.unmodifiableMap(copy);
  }

  public boolean isEmpty() {
    return answers.isEmpty();
  }

  public Optional<String> answer(Section section) {
    return Optional.ofNullable(answers.get(section));
  }

  /** The plan with {@code section} answered, or cleared when {@code answer} is empty. */
  public SafetyPlan with(Section section, Optional<String> answer) {
    EnumMap<Section, String> changed = new EnumMap<>(Section.class);
    changed.putAll(answers);
    answer.ifPresentOrElse(a -> changed.put(section, a), () -> changed.remove(section));
    return new SafetyPlan(changed);
  }
}
