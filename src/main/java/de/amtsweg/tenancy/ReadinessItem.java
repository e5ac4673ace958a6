package de.amtsweg.tenancy;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One line of the go-live checklist.
 *
 * @param id stable name of the item, e.g. {@code apps}; its title is the message {@code
 *     onboarding.item.<id>}
 * @param done whether nothing is missing
 * @param messageKey what is missing, or what was found when done
 * @param arguments the message's arguments
 * @param details message keys of the single things missing (e.g. the Impressum), shown as a list
 * @param link the page that fixes it, if the viewer can open one
 */
public record ReadinessItem(
    String id,
    boolean done,
    String messageKey,
    List<Object> arguments,
    List<String> details,
    @Nullable String link) {

  public ReadinessItem {
    Objects.requireNonNull(id);
    Objects.requireNonNull(messageKey);
    arguments = List.copyOf(arguments);
    details = List.copyOf(details);
  }

  /** An item without arguments or details. */
  public static ReadinessItem of(
      String id, boolean done, String messageKey, @Nullable String link) {
    return new ReadinessItem(id, done, messageKey, List.of(), List.of(), link);
  }

  /** The arguments as the message source wants them. */
  public Object[] argumentArray() {
    return arguments.toArray();
  }
}
