package org.porchlight.discord;

import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.GenericContextInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.GenericSelectMenuInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.porchlight.core.Community;
import org.porchlight.core.Hosting;
import org.porchlight.core.MessageLimit;
import org.porchlight.core.conversation.Conversation;
import org.porchlight.core.port.MemberStore;

/**
 * Discord's interactions and direct messages, each sent where it is answered: a member's commands
 * and buttons ({@link MemberInteractions}), the hosts' commands ({@link HostCommands}), the
 * settings form ({@link SettingsForm}), DMs ({@link DirectMessages}). Each member is held to a
 * {@link MessageLimit} first ({@link FloodGate}). In a server every answer is ephemeral, seen only
 * by the member it is for; whatever fails gets a kind apology.
 */
final class DiscordChat extends ListenerAdapter {
  static final String PLATFORM = "discord";

  private final Answering answering;
  private final MemberInteractions memberInteractions;
  private final HostCommands hostCommands;
  private final SettingsForm settingsForm;
  private final SupportForms supportForms;
  private final DirectMessages directMessages;
  private final FloodGate floodGate;

  DiscordChat(
      Conversation conversation,
      Hosting hosting,
      MemberStore members,
      Optional<MeetingEvents> meetingEvents,
      MessageLimit limit) {
    this.answering = new Answering(conversation, members);
    this.floodGate = new FloodGate(limit, conversation);
    this.settingsForm = new SettingsForm(answering);
    this.supportForms = new SupportForms(answering);
    this.memberInteractions = new MemberInteractions(answering, settingsForm, supportForms);
    this.hostCommands = new HostCommands(answering, hosting, meetingEvents);
    this.directMessages = new DirectMessages(answering, floodGate);
  }

  @Override
  public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
    try {
      if (!floodGate.admits(event)) return;
      if (DiscordCommands.HOST_COMMANDS.contains(event.getName())) {
        hostCommands.command(event);
      } else {
        memberInteractions.slashCommand(event);
      }
    } catch (RuntimeException e) {
      answering.somethingWentWrong(event, e);
    }
  }

  @Override
  public void onButtonInteraction(ButtonInteractionEvent event) {
    try {
      if (!floodGate.admits(event)) return;
      memberInteractions.button(event);
    } catch (RuntimeException e) {
      answering.somethingWentWrong(event, e);
    }
  }

  @Override
  public void onModalInteraction(ModalInteractionEvent event) {
    try {
      if (!floodGate.admits(event)) return;
      if (event.getModalId().equals(SettingsForm.ID)) {
        settingsForm.submitted(event);
      } else if (event.getModalId().equals(SupportForms.POD)
          || event.getModalId().startsWith(SupportForms.PLAN)) {
        supportForms.submitted(event);
      } else if (event.getModalId().startsWith(HostCommands.SETUP_FORM)) {
        hostCommands.setupSubmitted(event);
      } else {
        answering.notOurs(event);
      }
    } catch (RuntimeException e) {
      answering.somethingWentWrong(event, e);
    }
  }

  @Override
  public void onGenericSelectMenuInteraction(GenericSelectMenuInteractionEvent<?, ?> event) {
    try {
      if (!floodGate.admits(event)) return;
      answering.notOurs(event);
    } catch (RuntimeException e) {
      answering.somethingWentWrong(event, e);
    }
  }

  @Override
  public void onGenericContextInteraction(GenericContextInteractionEvent<?> event) {
    try {
      if (!floodGate.admits(event)) return;
      answering.notOurs(event);
    } catch (RuntimeException e) {
      answering.somethingWentWrong(event, e);
    }
  }

  @Override
  public void onMessageReceived(MessageReceivedEvent event) {
    directMessages.received(event);
  }

  static Community.Id communityOf(String guildId) {
    return new Community.Id(PLATFORM, guildId);
  }
}
