package org.porchlight.discord;

import java.util.List;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import org.porchlight.core.Action;
import org.porchlight.core.Echo;
import org.porchlight.core.Incoming;
import org.porchlight.core.Reply;
import org.porchlight.core.Text;

/**
 * A member's slash commands and button presses, for the conversation. A press on a message of the
 * member's own shows their choice in place of its buttons; a press on a check-in a host posted
 * leaves it as it is and answers privately.
 */
final class MemberInteractions {
  private final Answering answering;
  private final SettingsForm settingsForm;
  private final SupportForms supportForms;

  MemberInteractions(Answering answering, SettingsForm settingsForm, SupportForms supportForms) {
    this.answering = answering;
    this.settingsForm = settingsForm;
    this.supportForms = supportForms;
  }

  void slashCommand(SlashCommandInteractionEvent event) {
    String name = event.getName();
    String args =
        String.join(" ", event.getOptions().stream().map(OptionMapping::getAsString).toList());
    if (args.isBlank() && DiscordCommands.OPEN_SETTINGS.contains(name)) {
      settingsForm.open(event);
      return;
    }
    answering.answer(event, new Incoming.Command(name, args));
  }

  void button(ButtonInteractionEvent event) {
    String data = event.getComponentId();
    // In a server, a press that would ask for a name or an answer opens a form instead.
    if (supportForms.opened(event)) return;
    boolean posted = Action.decode(data).orElse(null) instanceof Action.PostedAnswer;
    if (posted || !event.getMessage().isEphemeral() && Answering.inServer(event)) {
      // A check-in a host posted is everyone's: it stays as it is, and the answer is private.
      answering.answer(event, new Incoming.ButtonPress(data));
      return;
    }
    // A message of the member's own: it will show what they chose in place of the buttons.
    event.deferEdit().queue(null, failure -> Answering.failed("an acknowledgement", failure));
    List<Reply> replies =
        answering.handle(
            event, Answering.memberOf(event.getUser()), new Incoming.ButtonPress(data));
    Message shown = event.getMessage();
    // Both come back from Discord, so they are outside input as much as a member's words.
    String before = Echo.keepable(shown.getContentRaw());
    String content = before;
    // No button when the press names none of the message's: the buttons go, no choice is shown.
    Button button = event.getButton();
    if (button != null) {
      String label = Echo.keepable(button.getLabel());
      String chosen = before + "\n\n" + answering.texts(event).get(Text.CHOSEN, "choice", label);
      if (chosen.length() <= DiscordRender.MAX_TEXT) content = chosen;
    }
    InteractionHook hook = event.getHook();
    RestAction<?> edit =
        hook.editOriginal(new MessageEditBuilder().setContent(content).setComponents().build());
    Answering.followUp(edit, hook, DiscordRender.messages(replies), Answering.inServer(event));
  }
}
