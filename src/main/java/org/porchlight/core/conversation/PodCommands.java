package org.porchlight.core.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.porchlight.core.Action.PodAdd;
import org.porchlight.core.Action.PodChoose;
import org.porchlight.core.Action.PodEntry;
import org.porchlight.core.Action.PodRemove;
import org.porchlight.core.Action.PodRename;
import org.porchlight.core.Member.Awaiting;
import org.porchlight.core.Pod;
import org.porchlight.core.Pod.Ring;
import org.porchlight.core.Reply;
import org.porchlight.core.Text;

/**
 * {@code /pod}: the people and places a member can lean on, in three rings. Names are added,
 * renamed and removed with buttons and a short prompt, or typed in full ({@code /pod add core
 * Sam}). Kept only because the member asks.
 */
final class PodCommands {
  private final Context ctx;

  PodCommands(Context ctx) {
    this.ctx = ctx;
  }

  Pod of(Turn t) {
    return t.stored ? ctx.stores.support().pod(t.id) : Pod.EMPTY;
  }

  /** {@code /pod}, {@code /pod add <ring> [name]}, {@code /pod rename <name> <new name>}, … */
  void command(Turn t, String args) {
    if (args.isEmpty()) {
      show(t, Optional.empty());
      return;
    }
    String[] words = args.split("\\s+", 2);
    String rest = words.length > 1 ? words[1].strip() : "";
    switch (words[0].toLowerCase(Locale.ROOT)) {
      case "add" -> {
        String[] ringAndName = rest.split("\\s+", 2);
        Optional<Ring> ring = Ring.fromKey(ringAndName[0].toLowerCase(Locale.ROOT));
        if (ring.isEmpty()) {
          t.say(t.texts.get(Text.POD_USAGE));
        } else if (ringAndName.length < 2) {
          askName(t, ring.get());
        } else {
          add(t, ring.get(), ringAndName[1]);
        }
      }
      case "remove" -> {
        if (rest.isEmpty()) {
          t.say(t.texts.get(Text.POD_USAGE));
          return;
        }
        Pod pod = of(t);
        Optional<Integer> index = pod.indexOf(rest);
        if (index.isEmpty()) {
          t.say(t.texts.get(Text.POD_NOT_FOUND, "name", rest));
        } else {
          remove(t, index.get(), Pod.check(pod.entries().get(index.get()).name()));
        }
      }
      case "rename" -> renameTyped(t, rest);
      case "weekly" -> t.flows.reachOut().command(t, rest);
      default -> t.say(t.texts.get(Text.POD_USAGE));
    }
  }

  /** The pod as it is, with {@code first} said before it, and buttons to change it. */
  void show(Turn t, Optional<String> first) {
    Pod pod = of(t);
    String text =
        pod.isEmpty()
            ? t.texts.get(Text.POD_INTRO)
            : t.texts.get(
                Text.POD_SHOW,
                "core",
                names(t, pod, Ring.CORE),
                "movable",
                names(t, pod, Ring.MOVABLE),
                "outer",
                names(t, pod, Ring.OUTER),
                "weekly",
                t.flows.reachOut().status(t));
    List<Reply.Button> buttons = new ArrayList<>();
    if (!pod.isFull()) {
      buttons.add(button(t, Text.BUTTON_POD_ADD_CORE, new PodAdd(Ring.CORE).encode()));
      buttons.add(button(t, Text.BUTTON_POD_ADD_MOVABLE, new PodAdd(Ring.MOVABLE).encode()));
      buttons.add(button(t, Text.BUTTON_POD_ADD_OUTER, new PodAdd(Ring.OUTER).encode()));
    }
    if (!pod.isEmpty()) buttons.add(button(t, Text.BUTTON_POD_CHANGE, new PodChoose().encode()));
    t.reply(Reply.withButtons(first.map(f -> f + "\n\n").orElse("") + text, buttons));
  }

  private static String names(Turn t, Pod pod, Ring ring) {
    List<Pod.Entry> entries = pod.in(ring);
    if (entries.isEmpty()) return t.texts.get(Text.POD_NOBODY_YET);
    return entries.stream().map(Pod.Entry::name).collect(Collectors.joining(", "));
  }

  /** Asks for a name to add to {@code ring}: the member's next words are it. */
  void askName(Turn t, Ring ring) {
    if (of(t).isFull()) {
      t.say(t.texts.get(Text.POD_FULL, "most", Pod.MAX_ENTRIES));
      return;
    }
    t.ensureStored();
    await(t, Awaiting.POD_NAME, ring.key());
    t.say(
        t.texts.get(
            switch (ring) {
              case CORE -> Text.POD_ASK_CORE;
              case MOVABLE -> Text.POD_ASK_MOVABLE;
              case OUTER -> Text.POD_ASK_OUTER;
            }));
  }

  /** The words that answer "who?": a name for the ring awaited. */
  void nameGiven(Turn t, String words) {
    Optional<Ring> ring = Ring.fromKey(t.member.awaitingFor());
    if (ring.isEmpty()) {
      stopAwaiting(t);
      show(t, Optional.empty());
      return;
    }
    add(t, ring.get(), words);
  }

  private void add(Turn t, Ring ring, String words) {
    Optional<String> name = checked(t, words);
    if (name.isEmpty()) return;
    Pod pod = of(t);
    if (pod.isFull()) {
      stopAwaiting(t);
      t.say(t.texts.get(Text.POD_FULL, "most", Pod.MAX_ENTRIES));
      return;
    }
    t.ensureStored();
    ctx.stores.support().savePod(t.id, pod.with(new Pod.Entry(ring, name.get())));
    stopAwaiting(t);
    show(t, Optional.of(t.texts.get(Text.POD_ADDED, "name", name.get(), "ring", ring(t, ring))));
  }

  /** A name as it will be kept, or empty after telling the member what is wrong with it. */
  private static Optional<String> checked(Turn t, String words) {
    String name = words.strip().replaceAll("\\s+", " ");
    if (name.isEmpty()) {
      t.say(t.texts.get(Text.POD_NAME_EMPTY));
      return Optional.empty();
    }
    if (name.length() > Pod.MAX_NAME) {
      t.say(t.texts.get(Text.POD_NAME_TOO_LONG, "most", Pod.MAX_NAME));
      return Optional.empty();
    }
    return Optional.of(name);
  }

  /**
   * The whole pod from a form, a name a line in each ring's field: replaces the pod when every name
   * fits, and otherwise says what does not and changes nothing.
   */
  void fromForm(Turn t, Map<String, String> fields) {
    List<Pod.Entry> entries = new ArrayList<>();
    for (Ring ring : Ring.values()) {
      for (String line : fields.getOrDefault(ring.formField(), "").split("\\R")) {
        String name = line.strip().replaceAll("\\s+", " ");
        if (name.isEmpty()) continue;
        if (name.length() > Pod.MAX_NAME) {
          t.say(t.texts.get(Text.POD_NAME_TOO_LONG, "most", Pod.MAX_NAME));
          return;
        }
        entries.add(new Pod.Entry(ring, name));
      }
    }
    if (entries.size() > Pod.MAX_ENTRIES) {
      t.say(t.texts.get(Text.POD_FULL, "most", Pod.MAX_ENTRIES));
      return;
    }
    t.ensureStored();
    ctx.stores.support().savePod(t.id, new Pod(entries));
    stopAwaiting(t);
    show(t, Optional.empty());
  }

  /** The pod's names as buttons, to pick the one to change. */
  void choose(Turn t) {
    Pod pod = of(t);
    if (pod.isEmpty()) {
      show(t, Optional.empty());
      return;
    }
    List<Reply.Button> buttons = new ArrayList<>();
    for (int i = 0; i < pod.entries().size(); i++) {
      String name = pod.entries().get(i).name();
      buttons.add(new Reply.Button(name, new PodEntry(i, Pod.check(name)).encode()));
    }
    t.reply(Reply.withButtons(t.texts.get(Text.POD_CHOOSE), buttons));
  }

  /** One entry, with Rename and Remove. */
  void entry(Turn t, int index, String check) {
    Optional<Pod.Entry> entry = of(t).at(index, check);
    if (entry.isEmpty()) {
      t.say(t.texts.get(Text.STALE_BUTTON));
      return;
    }
    t.reply(
        Reply.withButtons(
            t.texts.get(
                Text.POD_ENTRY, "name", entry.get().name(), "ring", ring(t, entry.get().ring())),
            List.of(
                button(t, Text.BUTTON_POD_RENAME, new PodRename(index, check).encode()),
                button(t, Text.BUTTON_POD_REMOVE, new PodRemove(index, check).encode()))));
  }

  /** Asks for the new name of the entry at {@code index}. */
  void askRename(Turn t, int index, String check) {
    Optional<Pod.Entry> entry = of(t).at(index, check);
    if (entry.isEmpty()) {
      t.say(t.texts.get(Text.STALE_BUTTON));
      return;
    }
    await(t, Awaiting.POD_RENAME, index + ":" + check);
    t.say(t.texts.get(Text.POD_ASK_RENAME, "name", entry.get().name()));
  }

  /** The words that answer "what should I call them now?". */
  void newNameGiven(Turn t, String words) {
    String[] about = t.member.awaitingFor().split(":", 2);
    Pod pod = of(t);
    Optional<Pod.Entry> entry = Optional.empty();
    if (about.length == 2 && about[0].matches("\\d{1,2}")) {
      entry = pod.at(Integer.parseInt(about[0]), about[1]);
    }
    if (entry.isEmpty()) {
      stopAwaiting(t);
      show(t, Optional.empty());
      return;
    }
    rename(t, pod, Integer.parseInt(about[0]), words);
  }

  /** {@code /pod rename Aunt May May}: the longest name in the pod the words start with. */
  private void renameTyped(Turn t, String rest) {
    Pod pod = of(t);
    int best = -1;
    for (int i = 0; i < pod.entries().size(); i++) {
      String name = pod.entries().get(i).name();
      boolean starts =
          rest.length() > name.length()
              && rest.regionMatches(true, 0, name, 0, name.length())
              && Character.isWhitespace(rest.charAt(name.length()));
      if (starts && (best < 0 || name.length() > pod.entries().get(best).name().length())) {
        best = i;
      }
    }
    if (best < 0) {
      // "/pod rename Sam" with no new name: ask for it.
      Optional<Integer> only = pod.indexOf(rest);
      if (only.isPresent()) {
        askRename(t, only.get(), Pod.check(pod.entries().get(only.get()).name()));
      } else {
        t.say(t.texts.get(rest.isEmpty() ? Text.POD_USAGE : Text.POD_NOT_FOUND, "name", rest));
      }
      return;
    }
    rename(t, pod, best, rest.substring(pod.entries().get(best).name().length()));
  }

  private void rename(Turn t, Pod pod, int index, String words) {
    Optional<String> name = checked(t, words);
    if (name.isEmpty()) return;
    String old = pod.entries().get(index).name();
    ctx.stores.support().savePod(t.id, pod.renamed(index, name.get()));
    stopAwaiting(t);
    show(t, Optional.of(t.texts.get(Text.POD_RENAMED, "old", old, "name", name.get())));
  }

  void remove(Turn t, int index, String check) {
    Pod pod = of(t);
    Optional<Pod.Entry> entry = pod.at(index, check);
    if (entry.isEmpty()) {
      t.say(t.texts.get(Text.STALE_BUTTON));
      return;
    }
    ctx.stores.support().savePod(t.id, pod.without(index));
    show(t, Optional.of(t.texts.get(Text.POD_REMOVED, "name", entry.get().name())));
  }

  static String ring(Turn t, Ring ring) {
    return t.texts.get(
        switch (ring) {
          case CORE -> Text.RING_CORE;
          case MOVABLE -> Text.RING_MOVABLE;
          case OUTER -> Text.RING_OUTER;
        });
  }

  private static Reply.Button button(Turn t, Text label, String data) {
    return new Reply.Button(t.texts.get(label), data);
  }

  private static void await(Turn t, Awaiting what, String about) {
    t.member = t.member.awaitingWords(what, about, t.now);
    t.changed = true;
  }

  static void stopAwaiting(Turn t) {
    if (t.member.awaiting() == Awaiting.NOTHING) return;
    t.member = t.member.withAwaiting(Awaiting.NOTHING);
    t.changed = true;
  }
}
