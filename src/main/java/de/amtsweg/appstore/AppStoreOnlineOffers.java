package de.amtsweg.appstore;

import de.amtsweg.catalog.OnlineOffers;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Answers the catalog's question which Antrags-Apps a tenant offers for a Leistung. */
@Component
class AppStoreOnlineOffers implements OnlineOffers {

  private final AppStore appStore;

  AppStoreOnlineOffers(AppStore appStore) {
    this.appStore = appStore;
  }

  @Override
  public List<OnlineOffer> offeredFor(String tenantArs, String leikaKey, Locale locale) {
    return appStore.offeredFor(tenantArs, leikaKey).stream()
        .map(o -> new OnlineOffer(o.app().id(), o.definition().name().in(locale)))
        .toList();
  }
}
