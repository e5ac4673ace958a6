package de.amtsweg.catalog;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the catalog ({@code amtsweg.catalog.*}).
 *
 * @param synonymsFile an operator's own synonym list, added to the one in the repository (same
 *     format as {@code catalog/synonyms.txt})
 */
@ConfigurationProperties("amtsweg.catalog")
public record CatalogSettings(@Nullable Path synonymsFile) {}
