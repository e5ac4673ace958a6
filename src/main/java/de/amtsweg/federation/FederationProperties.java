package de.amtsweg.federation;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Portalverbund ({@code amtsweg.federation.*}).
 *
 * @param sources the XZuFi sources to import from (Bereitstelldienst shape)
 * @param importInterval the pause between two scheduled imports of all sources
 * @param importEnabled whether the scheduled import runs (the operator's button always works)
 * @param maxPages the most pages one run fetches; a source that never says {@code vollstaendig}
 *     cannot keep a run going for ever
 * @param exportPageSize how many objects one page of the export holds (whole tenants: a tenant with
 *     more objects makes a page of its own)
 * @param importOnStart whether every source is imported once when the application has started (the
 *     demo's classpath source); the schedule's first run comes one interval later
 */
@ConfigurationProperties("amtsweg.federation")
public record FederationProperties(
    @Nullable List<Source> sources,
    @DefaultValue("6h") Duration importInterval,
    @DefaultValue("true") boolean importEnabled,
    @DefaultValue("10000") int maxPages,
    @DefaultValue("100") int exportPageSize,
    @DefaultValue("false") boolean importOnStart) {

  public FederationProperties {
    sources = sources == null ? List.of() : List.copyOf(sources);
    if (exportPageSize < 1 || exportPageSize > 1000) {
      throw new IllegalArgumentException("amtsweg.federation.export-page-size is 1 to 1000");
    }
    if (sources.stream().map(Source::name).distinct().count() != sources.size()) {
      throw new IllegalArgumentException("amtsweg.federation.sources have unique names");
    }
  }

  @Override
  public List<Source> sources() {
    return sources == null ? List.of() : sources;
  }

  /**
   * One source.
   *
   * @param name short name, lower case with dashes, e.g. {@code pvog-th}; the prefix of the ids of
   *     its objects in Amtsweg, so keep it once chosen
   * @param url the first page, e.g. {@code https://…/verwaltungsobjekte?index=0&ars=160000000000},
   *     or {@code classpath:…} for a message shipped with Amtsweg (read as one complete page); with
   *     {@code index=0} the run starts there, and the stored index replaces it afterwards
   * @param provider the provider of its Onlinedienste where a message does not name one
   */
  public record Source(String name, String url, @DefaultValue("") String provider) {
    public Source {
      if (!name.matches("[a-z0-9]+(-[a-z0-9]+)*") || name.length() > 40) {
        throw new IllegalArgumentException(
            "amtsweg.federation.sources[].name is lower case with dashes: " + name);
      }
      if (!url.startsWith("https://")
          && !url.startsWith("http://")
          && !url.startsWith("classpath:")) {
        throw new IllegalArgumentException(
            "amtsweg.federation.sources[].url is https://, http:// or classpath:");
      }
    }
  }
}
