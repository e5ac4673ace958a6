package de.amtsweg.account;

import java.util.UUID;

/**
 * A Servicekonto was deleted with everything it held. Modules that keep data for the account
 * (drafts, for example) delete theirs; submitted applications stay with the authorities.
 *
 * @param accountId the deleted account
 */
public record AccountDeleted(UUID accountId) {}
