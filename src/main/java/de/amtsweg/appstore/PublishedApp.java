package de.amtsweg.appstore;

import de.amtsweg.forms.AppDefinition;
import java.time.OffsetDateTime;

/** One published, immutable version of an Antrags-App. */
public record PublishedApp(
    AppDefinition definition, int version, OffsetDateTime publishedAt, String publishedBy) {

  public String id() {
    return definition.id();
  }
}
