package de.amtsweg.account;

import java.util.UUID;

/**
 * A person replied from their Postfach. Carries ids only; the receiving authority's module reads
 * the reply through {@link Postfach}.
 *
 * @param replyId the reply
 * @param inReplyTo the authority's message it answers
 * @param authorityArs the authority the reply goes to
 */
public record PostfachReplySent(UUID replyId, UUID inReplyTo, String authorityArs) {}
