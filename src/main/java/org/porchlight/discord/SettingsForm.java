package org.porchlight.discord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.modals.Modal;
import org.porchlight.core.DaysInput;
import org.porchlight.core.Incoming;
import org.porchlight.core.MemberId;
import org.porchlight.core.Messages;
import org.porchlight.core.Reply;
import org.porchlight.core.Text;

/**
 * The settings form: the member's time zone, check-in time, days and quiet hours in one modal,
 * opened by {@code /settings} (or {@code /time} and the like without a value); the fields changed
 * go to the conversation together, each checked as its command.
 */
final class SettingsForm {
  static final String ID = "form:settings";
  // The form's fields, in the order they are applied: the zone before the time, so the next
  // check-in is worked out in the new zone.
  private static final Map<String, Text> FIELDS = fields();

  private final Answering answering;

  SettingsForm(Answering answering) {
    this.answering = answering;
  }

  /** Opens the form, filled in with the member's settings. */
  void open(SlashCommandInteractionEvent event) {
    event.replyModal(form(event)).queue(null, failure -> Answering.failed("a form", failure));
  }

  private Modal form(Interaction event) {
    Messages texts = answering.texts(event);
    Optional<org.porchlight.core.Member> member =
        answering.members.find(Answering.memberOf(event.getUser()));
    Map<String, String> now = currentSettings(member);
    List<Label> fields = new ArrayList<>();
    for (Map.Entry<String, Text> field : FIELDS.entrySet()) {
      fields.add(
          Label.of(
              texts.get(field.getValue()),
              TextInput.create(field.getKey(), TextInputStyle.SHORT)
                  .setRequired(false)
                  .setMaxLength(60)
                  .setValue(now.get(field.getKey()))
                  .build()));
    }
    return Modal.create(ID, texts.get(Text.FORM_SETTINGS_TITLE)).addComponents(fields).build();
  }

  /** The changed fields go to the conversation together, each checked as its command. */
  void submitted(ModalInteractionEvent event) {
    MemberId member = Answering.memberOf(event.getUser());
    Answering.answerLater(
        event,
        () -> {
          Map<String, String> before = currentSettings(answering.members.find(member));
          Map<String, String> changed = new LinkedHashMap<>();
          for (String field : FIELDS.keySet()) {
            String typed = Answering.value(event, field).strip();
            if (typed.isEmpty() || typed.equalsIgnoreCase(before.getOrDefault(field, ""))) continue;
            changed.put(field.equals("zone") ? "timezone" : field, typed);
          }
          if (changed.isEmpty()) {
            return List.of(Reply.text(answering.texts(event).get(Text.FORM_SETTINGS_UNCHANGED)));
          }
          return answering.handle(event, member, new Incoming.Form(changed));
        });
  }

  private static Map<String, String> currentSettings(Optional<org.porchlight.core.Member> member) {
    Map<String, String> now = new LinkedHashMap<>();
    member.ifPresent(
        m -> {
          m.zone().ifPresent(zone -> now.put("zone", zone.getId()));
          m.checkInTime().ifPresent(time -> now.put("time", time.toString()));
          now.put("days", DaysInput.format(m.days()));
          now.put("quiet", m.quietHours().toString());
        });
    return now;
  }

  private static Map<String, Text> fields() {
    Map<String, Text> fields = new LinkedHashMap<>();
    fields.put("zone", Text.FORM_ZONE);
    fields.put("time", Text.FORM_TIME);
    fields.put("days", Text.FORM_DAYS);
    fields.put("quiet", Text.FORM_QUIET);
    return fields;
  }
}
