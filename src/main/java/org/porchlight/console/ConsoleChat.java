package org.porchlight.console;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.porchlight.core.Incoming;
import org.porchlight.core.MemberId;
import org.porchlight.core.Reply;
import org.porchlight.core.conversation.Conversation;
import org.porchlight.delivery.Messenger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conversation in a terminal: lines in, replies out. Buttons print as {@code [1] Honestly
 * fine}; typing the number or the label presses one. Works with piped input and ends at its end.
 */
public final class ConsoleChat {
  /** The member the console speaks as. */
  public static final MemberId MEMBER = new MemberId("console", "local");

  private static final Logger LOG = LoggerFactory.getLogger(ConsoleChat.class);
  private static final String SORRY =
      "Sorry, something went wrong on my side and I couldn't answer that. Please try again in a"
          + " moment.";

  private final Conversation conversation;
  private final MemberId member;
  private final BufferedReader in;
  private final PrintStream out;
  private final boolean prompt;
  private volatile List<Reply.Button> buttons = List.of();

  /**
   * @param prompt whether to print a prompt before each line (when a person is typing)
   */
  public ConsoleChat(
      Conversation conversation,
      MemberId member,
      BufferedReader in,
      PrintStream out,
      boolean prompt) {
    this.conversation = requireNonNull(conversation, "conversation == null");
    this.member = requireNonNull(member, "member == null");
    this.in = requireNonNull(in, "in == null");
    this.out = requireNonNull(out, "out == null");
    this.prompt = prompt;
  }

  /** Chats until the input ends or the member types {@code /quit}. */
  public void run() {
    out.println("Porchlight, in your terminal. Type /help to see what it can do, /quit to leave.");
    out.println();
    try {
      for (String line = next(); line != null; line = next()) {
        String text = line.strip();
        if (text.isEmpty()) continue;
        if (text.equalsIgnoreCase("/quit") || text.equalsIgnoreCase("/exit")) break;
        try {
          show(conversation.handle(member, incoming(text)));
        } catch (RuntimeException e) {
          // The member sees a sentence; the log gets one line (the trace at debug), never their
          // words.
          LOG.error("could not answer a message: {}", e.toString());
          LOG.debug("could not answer a message", e);
          out.println(SORRY);
          out.println();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.flush();
  }

  private String next() throws IOException {
    if (prompt) {
      out.print("> ");
      out.flush();
    }
    return in.readLine();
  }

  /** A number or a label of the buttons last shown presses that button; anything else is words. */
  Incoming incoming(String text) {
    Optional<Reply.Button> pressed = pressed(text);
    if (pressed.isPresent()) return new Incoming.ButtonPress(pressed.get().data());
    Optional<Incoming.Command> command = Incoming.Command.parse(text);
    if (command.isPresent()) return command.get();
    return new Incoming.FreeText(text);
  }

  private Optional<Reply.Button> pressed(String text) {
    String trimmed = text.replaceFirst("^\\[(\\d+)]$", "$1");
    if (trimmed.matches("\\d{1,2}")) {
      int number = Integer.parseInt(trimmed);
      if (number >= 1 && number <= buttons.size()) return Optional.of(buttons.get(number - 1));
    }
    String label = text.toLowerCase(Locale.ROOT);
    return buttons.stream()
        .filter(button -> button.label().toLowerCase(Locale.ROOT).equals(label))
        .findFirst();
  }

  /**
   * Check-ins and reminders, printed between the lines of the chat when their time comes: the
   * console member is asked on time just as a Telegram member is.
   */
  public Messenger messenger() {
    return new Messenger() {
      @Override
      public String platform() {
        return member.platform();
      }

      @Override
      public Delivery send(MemberId to, Reply reply) {
        if (!to.equals(member)) return Delivery.unreachable();
        out.println();
        show(List.of(reply));
        if (prompt) {
          out.print("> ");
          out.flush();
        }
        return Delivery.sent();
      }
    };
  }

  /**
   * What a terminal shows rather than acts on: a member's own words come back in some replies (a
   * plan, a pod), and an escape sequence in them could recolour or rewrite the screen.
   */
  static String forTerminal(String text) {
    StringBuilder shown = new StringBuilder(text.length());
    text.codePoints()
        .filter(c -> c == '\n' || c == '\t' || !Character.isISOControl(c))
        .forEach(shown::appendCodePoint);
    return shown.toString();
  }

  private synchronized void show(List<Reply> replies) {
    List<Reply.Button> shown = new ArrayList<>();
    for (Reply reply : replies) {
      out.println(forTerminal(reply.text()));
      if (!reply.buttons().isEmpty()) {
        StringBuilder row = new StringBuilder();
        for (Reply.Button button : reply.buttons()) {
          shown.add(button);
          if (row.length() > 0) row.append("   ");
          row.append('[').append(shown.size()).append("] ").append(forTerminal(button.label()));
        }
        out.println(row);
      }
      reply
          .document()
          .ifPresent(
              document -> {
                out.println("----- " + document.fileName() + " -----");
                out.println(forTerminal(document.content()));
                out.println("----- end of " + document.fileName() + " -----");
              });
      out.println();
    }
    // Numbers always mean the buttons of the latest answer, as on screen.
    buttons = List.copyOf(shown);
    out.flush();
  }
}
