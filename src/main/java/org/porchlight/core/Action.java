package org.porchlight.core;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What a button does. Encoded into at most 64 bytes (Telegram's limit for callback data), with a
 * version prefix so that buttons sent by an older release are still understood, or politely
 * declined.
 */
public sealed interface Action {
  String VERSION = "1";
  DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
  DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HHmm");

  String encode();

  /** Reads button data; empty when it comes from an unknown version or is not ours. */
  static Optional<Action> decode(String data) {
    String[] part = data.split(":", -1);
    if (part.length < 2 || !part[0].equals(VERSION)) return Optional.empty();
    try {
      return Optional.ofNullable(
          switch (part[1]) {
            case "a" ->
                part.length == 4 ? new Answer(mood(part[2]), LocalDate.parse(part[3], DAY)) : null;
            case "t" ->
                part.length == 3 ? new SetTime(LocalTime.parse(part[2], HOUR_MINUTE)) : null;
            case "p" -> part.length == 3 ? new PostedAnswer(mood(part[2])) : null;
            case "s" -> part.length == 2 ? new AnotherStep() : null;
            case "y" -> part.length == 3 ? new TryStep(part[2]) : null;
            case "f" -> part.length == 3 ? new Forget(part[2].equals("yes")) : null;
            case "c" -> part.length == 3 ? new CrisisCheck(part[2].equals("yes")) : null;
            default -> null;
          });
    } catch (DateTimeParseException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Mood mood(String code) {
    return switch (code) {
      case "f" -> Mood.FINE;
      case "r" -> Mood.ROUGH;
      case "s" -> Mood.SKIPPED;
      default -> throw new IllegalArgumentException("unknown mood code " + code);
    };
  }

  /** Answers the check-in of {@code date} (the day it was asked for, not the day it is pressed). */
  record Answer(Mood mood, LocalDate date) implements Action {
    public Answer {
      requireNonNull(mood, "mood == null");
      requireNonNull(date, "date == null");
    }

    @Override
    public String encode() {
      return VERSION + ":a:" + mood.key().charAt(0) + ":" + DAY.format(date);
    }
  }

  /**
   * Answers today's check-in, today being wherever the member is: the buttons of a check-in a host
   * posted for everyone, which can't carry a day that is the same for all.
   */
  record PostedAnswer(Mood mood) implements Action {
    public PostedAnswer {
      requireNonNull(mood, "mood == null");
    }

    @Override
    public String encode() {
      return VERSION + ":p:" + mood.key().charAt(0);
    }
  }

  /** Chooses a check-in time during onboarding. */
  record SetTime(LocalTime time) implements Action {
    public SetTime {
      requireNonNull(time, "time == null");
    }

    @Override
    public String encode() {
      return VERSION + ":t:" + HOUR_MINUTE.format(time);
    }
  }

  /** Asks for a different small step. */
  record AnotherStep() implements Action {
    @Override
    public String encode() {
      return VERSION + ":s";
    }
  }

  /** Says the member will try a step. */
  record TryStep(String stepId) implements Action {
    public TryStep {
      requireNonNull(stepId, "stepId == null");
    }

    @Override
    public String encode() {
      return VERSION + ":y:" + stepId;
    }
  }

  /** Confirms or cancels /forget. */
  record Forget(boolean confirmed) implements Action {
    @Override
    public String encode() {
      return VERSION + ":f:" + (confirmed ? "yes" : "no");
    }
  }

  /**
   * Answers "are you thinking about ending your life, or hurting yourself?": yes gets the crisis
   * lines, no carries on as a rough day.
   */
  record CrisisCheck(boolean yes) implements Action {
    @Override
    public String encode() {
      return VERSION + ":c:" + (yes ? "yes" : "no");
    }
  }
}
