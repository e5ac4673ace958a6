package de.amtsweg.catalog;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the catalog ({@code amtsweg.catalog.*}).
 *
 * @param synonymsFile an operator's own synonym list, added to the one in the repository (same
 *     format as {@code catalog/synonyms.txt})
 * @param zustaendigkeitFile an operator's own Zuständigkeit rules, same format as {@code
 *     catalog/zustaendigkeit.csv}; its rules win over the repository's for the same key. Takes
 *     effect with the next import (at start-up when the file changed, or on the operator's request)
 * @param searchCacheSize how many search results to keep in memory per node; 0 switches the cache
 *     off
 * @param searchCacheTtl how long a cached result may be served; changes made on another node are
 *     seen after this time at the latest
 */
@ConfigurationProperties("amtsweg.catalog")
public record CatalogProperties(
    @Nullable Path synonymsFile,
    @Nullable Path zustaendigkeitFile,
    @DefaultValue("10000") int searchCacheSize,
    @DefaultValue("60s") Duration searchCacheTtl) {}
