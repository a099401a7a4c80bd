package org.porchlight.core;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** The library of small steps, and which one to offer next. */
public final class Steps {
  private final List<Step> steps;

  public Steps(List<Step> steps) {
    if (steps.isEmpty()) throw new IllegalArgumentException("there are no steps");
    Set<String> ids = new HashSet<>();
    for (Step step : steps) {
      if (!ids.add(step.id())) {
        throw new IllegalArgumentException("step id '" + step.id() + "' is used twice");
      }
    }
    this.steps = List.copyOf(steps);
  }

  public List<Step> all() {
    return steps;
  }

  public Optional<Step> byId(String id) {
    return steps.stream().filter(step -> step.id().equals(id)).findFirst();
  }

  /**
   * The fitting step the member has seen least recently: never-seen steps first, in the library's
   * order, then the one seen longest ago. {@code exclude} is skipped when anything else fits, so
   * "another step" is never the same one again.
   */
  public Step next(Optional<Mood> mood, Map<String, Instant> lastSeen, Optional<String> exclude) {
    return next(mood, Optional.empty(), lastSeen, exclude);
  }

  /**
   * As {@link #next(Optional, Map, Optional)}, preferring steps done in {@code company}; when the
   * library has none that fit the day, any fitting step will do.
   */
  public Step next(
      Optional<Mood> mood,
      Optional<Step.Company> company,
      Map<String, Instant> lastSeen,
      Optional<String> exclude) {
    return next(mood, company, lastSeen, exclude, step -> true);
  }

  /**
   * As {@link #next(Optional, Optional, Map, Optional)}, among the steps that are {@code possible}
   * for this member (a step naming someone from a ring of the pod the member has nobody in is not);
   * when none of those fit, any possible step will do.
   */
  public Step next(
      Optional<Mood> mood,
      Optional<Step.Company> company,
      Map<String, Instant> lastSeen,
      Optional<String> exclude,
      Predicate<Step> possible) {
    Comparator<Step> leastRecent =
        Comparator.comparing(step -> lastSeen.getOrDefault(step.id(), Instant.MIN));
    List<Step> candidates = steps.stream().filter(possible).toList();
    if (candidates.isEmpty()) candidates = steps;
    List<Step> fitting = candidates.stream().filter(step -> fits(step, mood)).toList();
    if (fitting.isEmpty()) fitting = candidates;
    List<Step> inCompany =
        fitting.stream().filter(step -> company.map(step.company()::equals).orElse(true)).toList();
    if (!inCompany.isEmpty()) fitting = inCompany;
    return fitting.stream()
        .filter(step -> exclude.map(id -> !id.equals(step.id())).orElse(true))
        .min(leastRecent)
        .orElse(fitting.get(0));
  }

  private static boolean fits(Step step, Optional<Mood> mood) {
    return switch (step.fits()) {
      case ANY -> true;
      case ROUGH -> mood.map(m -> m != Mood.FINE).orElse(true);
      case FINE -> mood.map(m -> m == Mood.FINE).orElse(false);
    };
  }
}
