package de.amtsweg.catalog;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a person wants to know about a Leistung before starting: one list of entries per {@link
 * TextModuleKind}, each entry a paragraph or a list item. Built from the catalog's text modules,
 * and for a Leistung with an Antrags-App from the app and the tenant's settings ({@link
 * OnlineServiceDescriptions}).
 */
public final class ServiceDescription {

  private static final ServiceDescription EMPTY = new ServiceDescription(Map.of());

  private final Map<TextModuleKind, List<String>> entries;

  /** A description from its entries; kinds without entries are left out. */
  public ServiceDescription(Map<TextModuleKind, List<String>> entries) {
    EnumMap<TextModuleKind, List<String>> copy = new EnumMap<>(TextModuleKind.class);
    entries.forEach(
        (kind, lines) -> {
          List<String> kept = lines.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
          if (!kept.isEmpty()) {
            copy.put(kind, kept);
          }
        });
    this.entries = copy;
  }

  public static ServiceDescription empty() {
    return EMPTY;
  }

  /** The entries of a kind, empty when there are none. */
  public List<String> get(TextModuleKind kind) {
    return entries.getOrDefault(kind, List.of());
  }

  public boolean has(TextModuleKind kind) {
    return entries.containsKey(kind);
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** The kinds after the short text that have entries, in page order. */
  public List<TextModuleKind> sections() {
    return entries.keySet().stream().filter(k -> k != TextModuleKind.KURZTEXT).toList();
  }

  /** This description where it has entries, the other one's for the kinds it lacks. */
  public ServiceDescription orElse(ServiceDescription other) {
    EnumMap<TextModuleKind, List<String>> merged = new EnumMap<>(TextModuleKind.class);
    merged.putAll(other.entries);
    merged.putAll(entries);
    return new ServiceDescription(merged);
  }
}
