package de.amtsweg.catalog;

/**
 * Published by the module behind {@link OnlineOffers} when an Antrags-App was published, switched
 * on or off: the catalog takes the app's words into its search and empties its result cache.
 *
 * @param appId the app that changed
 */
public record OnlineOffersChanged(String appId) {}
