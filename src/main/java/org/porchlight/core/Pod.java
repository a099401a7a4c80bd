package org.porchlight.core;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The people around a member, in three rings: the few they already trust, the kind and reliable
 * ones not yet close, and the groups, communities and professionals further out. Names only, as the
 * member wrote them, kept because they asked.
 */
public record Pod(List<Pod.Entry> entries) {
  public static final int MAX_ENTRIES = 12;
  public static final int MAX_NAME = 40;
  public static final Pod EMPTY = new Pod(List.of());

  /** How close someone is. */
  public enum Ring {
    /** The few people the member already trusts. */
    CORE("core"),
    /** Kind and reliable, not yet close. */
    MOVABLE("movable"),
    /** Groups, communities, professionals. */
    OUTER("outer");

    private final String key;

    Ring(String key) {
      this.key = key;
    }

    /** The name in stores, exports, button data and {@code /pod add <ring>}. */
    public String key() {
      return key;
    }

    public static Optional<Ring> fromKey(String key) {
      return Arrays.stream(values()).filter(ring -> ring.key.equals(key)).findFirst();
    }

    /** The name of a form's field that holds this ring's names, a name a line: {@code pod.core}. */
    public String formField() {
      return "pod." + key;
    }
  }

  /** One person or resource, by the name the member gave. */
  public record Entry(Ring ring, String name) {
    public Entry {
      requireNonNull(ring, "ring == null");
      requireNonNull(name, "name == null");
      if (name.isBlank() || name.length() > MAX_NAME) {
        throw new IllegalArgumentException("a name is 1 to " + MAX_NAME + " characters");
      }
    }
  }

  public Pod {
    entries = List.copyOf(entries);
    if (entries.size() > MAX_ENTRIES) {
      throw new IllegalArgumentException("a pod holds at most " + MAX_ENTRIES + " entries");
    }
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  public boolean isFull() {
    return entries.size() >= MAX_ENTRIES;
  }

  public List<Entry> in(Ring ring) {
    return entries.stream().filter(entry -> entry.ring() == ring).toList();
  }

  /** The pod with {@code entry} added at the end of its ring. */
  public Pod with(Entry entry) {
    List<Entry> more = new ArrayList<>(entries);
    more.add(entry);
    return new Pod(more);
  }

  /** The pod without the entry at {@code index} (in {@link #entries()}). */
  public Pod without(int index) {
    List<Entry> fewer = new ArrayList<>(entries);
    fewer.remove(index);
    return new Pod(fewer);
  }

  /** The pod with the entry at {@code index} named {@code name}, in the same ring. */
  public Pod renamed(int index, String name) {
    List<Entry> changed = new ArrayList<>(entries);
    changed.set(index, new Entry(entries.get(index).ring(), name));
    return new Pod(changed);
  }

  /**
   * A short check of a name for button data: four hex digits, so that a button pressed after the
   * pod changed is recognised as stale rather than acting on whoever is at that position now.
   */
  public static String check(String name) {
    return String.format("%04x", name.hashCode() & 0xffff);
  }

  /** The entry at {@code index} when its name still has {@code check}. */
  public Optional<Entry> at(int index, String check) {
    if (index < 0 || index >= entries.size()) return Optional.empty();
    Entry entry = entries.get(index);
    return check(entry.name()).equals(check) ? Optional.of(entry) : Optional.empty();
  }

  /** Where the first entry of this name is, ignoring case. */
  public Optional<Integer> indexOf(String name) {
    for (int i = 0; i < entries.size(); i++) {
      if (entries.get(i).name().equalsIgnoreCase(name.strip())) return Optional.of(i);
    }
    return Optional.empty();
  }
}
