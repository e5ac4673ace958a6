package de.amtsweg.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One search result.
 *
 * @param score relevance from the full-text ranking; higher is better
 * @param responsible who is responsible at the place searched for; null without a place
 * @param onlineAvailable whether the Leistung can be applied for online at the place ({@link
 *     OnlineServices})
 * @param otherProviders the online services of other providers at the place, through the exit page;
 *     empty without a place
 */
public record ServiceHit(
    String leikaKey,
    String name,
    @Nullable String ozgId,
    @Nullable String ozgName,
    double score,
    @Nullable Zustaendigkeit responsible,
    boolean onlineAvailable,
    List<OnlineServices.OnlineService> otherProviders) {}
