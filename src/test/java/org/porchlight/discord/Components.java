package org.porchlight.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Message and modal components as Discord treats them: numbered when they come without an id,
 * searched at any depth, and a modal's layout turned into what a submit sends back.
 */
final class Components {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Components() {}

  // Discord numbers components that came without an id, depth first, skipping ids in use.
  static ArrayNode withIds(JsonNode components) {
    ArrayNode copy = components.isArray() ? (ArrayNode) components.deepCopy() : NODES.arrayNode();
    Set<Integer> used = new HashSet<>();
    collectIds(copy, used);
    int[] next = {1};
    assignIds(copy, used, next);
    return copy;
  }

  private static void collectIds(JsonNode node, Set<Integer> used) {
    if (node.isObject() && node.has("type") && node.path("id").canConvertToInt()) {
      used.add(node.path("id").asInt());
    }
    node.elements().forEachRemaining(child -> collectIds(child, used));
  }

  private static void assignIds(JsonNode node, Set<Integer> used, int[] next) {
    if (node.isObject() && node.has("type") && !node.has("id")) {
      while (used.contains(next[0])) {
        next[0]++;
      }
      used.add(next[0]);
      ((ObjectNode) node).put("id", next[0]);
    }
    for (String nested : List.of("components", "component", "accessory")) {
      JsonNode child = node.path(nested);
      if (child.isArray()) {
        child.forEach(element -> assignIds(element, used, next));
      } else if (child.isObject()) {
        assignIds(child, used, next);
      }
    }
    if (node.isArray()) {
      node.forEach(element -> assignIds(element, used, next));
    }
  }

  // What Discord sends back for a modal: its layout with only ids, custom ids and values.
  static ArrayNode submitted(ArrayNode layout, Map<String, String> textInputs, Set<String> unused) {
    ArrayNode components = NODES.arrayNode();
    for (JsonNode component : layout) {
      int type = component.path("type").asInt();
      ObjectNode out = NODES.objectNode().put("type", type).put("id", component.path("id").asInt());
      switch (type) {
        case 18 ->
            out.set("component", submittedChild(component.path("component"), textInputs, unused));
        case 1 -> {
          ArrayNode children = out.putArray("components");
          for (JsonNode child : component.path("components")) {
            children.add(submittedChild(child, textInputs, unused));
          }
        }
        case 10 -> {}
        default -> {
          continue;
        }
      }
      components.add(out);
    }
    return components;
  }

  private static ObjectNode submittedChild(
      JsonNode child, Map<String, String> textInputs, Set<String> unused) {
    int type = child.path("type").asInt();
    String customId = child.path("custom_id").asText();
    ObjectNode out = NODES.objectNode().put("type", type).put("id", child.path("id").asInt());
    out.put("custom_id", customId);
    if (type == 4) {
      String value = textInputs.get(customId);
      if (value == null && child.path("required").asBoolean(true)) {
        throw new IllegalArgumentException("text input " + customId + " is required");
      }
      unused.remove(customId);
      out.put("value", value == null ? "" : value);
    } else {
      out.putArray("values");
    }
    return out;
  }

  /** The first component of {@code type} with this custom id, at any depth. */
  static Optional<JsonNode> find(JsonNode components, int type, String customId) {
    for (JsonNode component : components) {
      if (component.path("type").asInt() == type
          && component.path("custom_id").asText().equals(customId)) {
        return Optional.of(component);
      }
      for (String nested : List.of("components", "component", "accessory")) {
        JsonNode inner = component.path(nested);
        Optional<JsonNode> found =
            inner.isArray()
                ? find(inner, type, customId)
                : inner.isObject()
                    ? find(NODES.arrayNode().add(inner), type, customId)
                    : Optional.empty();
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }
}
