package org.porchlight.core.port;

import org.porchlight.core.MemberData;

/** Turns a member's data into the document /mydata sends. */
public interface ExportFormat {
  /** The document's file name, such as {@code porchlight-mydata.json}. */
  String fileName();

  String mediaType();

  String write(MemberData data);
}
