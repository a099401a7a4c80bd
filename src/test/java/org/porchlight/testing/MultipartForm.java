package org.porchlight.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A multipart/form-data body taken apart, as the fake platforms read requests with files: Discord's
 * {@code payload_json} and {@code files[n]} parts, Telegram's fields and document.
 */
public final class MultipartForm {
  /** One part: {@code fileName} is empty for a plain field. */
  public record Part(String name, Optional<String> fileName, String contentType, byte[] content) {
    public String text() {
      return new String(content, StandardCharsets.UTF_8);
    }
  }

  private MultipartForm() {}

  /** The boundary of a {@code multipart/form-data; boundary=...} content type. */
  public static String boundary(String contentType) {
    for (String piece : contentType.split(";")) {
      String trimmed = piece.trim();
      if (trimmed.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
        return unquote(trimmed.substring("boundary=".length()));
      }
    }
    throw new IllegalArgumentException("multipart body without a boundary");
  }

  public static List<Part> parse(byte[] body, String boundary) {
    // With a CRLF in front, every delimiter, the first included, reads "\r\n--boundary".
    byte[] data = new byte[body.length + 2];
    data[0] = '\r';
    data[1] = '\n';
    System.arraycopy(body, 0, data, 2, body.length);
    byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    List<Part> parts = new ArrayList<>();
    int at = indexOf(data, delimiter, 0);
    if (at < 0) {
      throw new IllegalArgumentException("multipart body without its boundary");
    }
    while (true) {
      int start = at + delimiter.length;
      if (start + 1 < data.length && data[start] == '-' && data[start + 1] == '-') {
        return parts;
      }
      start += 2; // the CRLF after the delimiter
      int next = indexOf(data, delimiter, start);
      if (next < 0) {
        throw new IllegalArgumentException("multipart body is cut short");
      }
      parts.add(part(data, start, next));
      at = next;
    }
  }

  private static Part part(byte[] data, int start, int end) {
    byte[] headerEnd = "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
    int split = indexOf(data, headerEnd, start);
    if (split < 0 || split > end) {
      throw new IllegalArgumentException("multipart part without headers");
    }
    String headers = new String(data, start, split - start, StandardCharsets.UTF_8);
    String name = null;
    String fileName = null;
    String contentType = "text/plain";
    for (String line : headers.split("\r\n")) {
      String lower = line.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-disposition:")) {
        name = attribute(line, "name");
        fileName = attribute(line, "filename");
      } else if (lower.startsWith("content-type:")) {
        contentType = line.substring("content-type:".length()).trim();
      }
    }
    if (name == null) {
      throw new IllegalArgumentException("multipart part without a name");
    }
    byte[] content = Arrays.copyOfRange(data, split + headerEnd.length, end);
    return new Part(name, Optional.ofNullable(fileName), contentType, content);
  }

  private static String attribute(String header, String attribute) {
    for (String piece : header.split(";")) {
      String trimmed = piece.trim();
      if (trimmed.toLowerCase(Locale.ROOT).startsWith(attribute + "=")) {
        return unquote(trimmed.substring(attribute.length() + 1));
      }
    }
    return null;
  }

  private static String unquote(String value) {
    return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
        ? value.substring(1, value.length() - 1)
        : value;
  }

  private static int indexOf(byte[] data, byte[] pattern, int from) {
    outer:
    for (int i = from; i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
