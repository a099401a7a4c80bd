package org.porchlight.core;

import java.util.stream.Collectors;
import org.porchlight.core.port.ExportFormat;

/** Writes the export as one line per check-in, enough to see what is in it. */
public final class SummaryExport implements ExportFormat {
  @Override
  public String fileName() {
    return "mydata.txt";
  }

  @Override
  public String mediaType() {
    return "text/plain";
  }

  @Override
  public String write(MemberData data) {
    return data.member().id()
        + "\n"
        + data.checkIns().stream()
            .map(c -> c.date() + " " + c.mood().map(Mood::key).orElse("unanswered"))
            .collect(Collectors.joining("\n"));
  }
}
