package de.amtsweg.catalog;

import org.jspecify.annotations.Nullable;

/**
 * One search result.
 *
 * @param score relevance from the full-text ranking; higher is better
 * @param responsible who is responsible at the place searched for; null without a place
 * @param onlineAvailable whether the responsible authority lets people apply online
 */
public record ServiceHit(
    String leikaKey,
    String name,
    @Nullable String ozgId,
    @Nullable String ozgName,
    double score,
    @Nullable Zustaendigkeit responsible,
    boolean onlineAvailable) {}
