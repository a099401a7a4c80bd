package org.porchlight.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The values of a JSON document, anywhere in it, each with the object holding it: for fuzzing. */
public final class JsonLeaves {
  private JsonLeaves() {}

  /** One value: {@code parent.get(name)}. */
  public record Leaf(ObjectNode parent, String name) {}

  /** Every value held by an object in {@code node}, in document order. */
  public static List<Leaf> of(JsonNode node) {
    List<Leaf> leaves = new ArrayList<>();
    collect(node, leaves);
    return leaves;
  }

  private static void collect(JsonNode node, List<Leaf> leaves) {
    if (node instanceof ObjectNode object) {
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (field.getValue().isValueNode()) {
          leaves.add(new Leaf(object, field.getKey()));
        } else {
          collect(field.getValue(), leaves);
        }
      }
    } else if (node.isArray()) {
      node.forEach(element -> collect(element, leaves));
    }
  }
}
