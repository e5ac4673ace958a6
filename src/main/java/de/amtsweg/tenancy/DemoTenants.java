package de.amtsweg.tenancy;

import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo profile's tenants: the Land, two kreisfreie Städte, a Landkreis and two of its Städte.
 * Created once; what an operator changes later is kept across restarts. Addresses are the
 * authorities' public ones; phone numbers and e-mail addresses are made up (reserved .example
 * domain), so that nobody is called or mailed by a demo.
 */
@Component
@Profile("demo")
@Order(20)
class DemoTenants implements ApplicationRunner {

  private static final String IMPRESSUM =
      """
      Dies ist ein Demonstrationssystem von Amtsweg mit Beispieldaten. Es ist kein Angebot von %s.

      Verantwortlich für den Inhalt (Demo): %s, %s, %s %s.

      Amtsweg ist freie Software unter der EUPL-1.2.""";

  private static final String DATENSCHUTZ =
      """
      Dieses Demonstrationssystem speichert nur, was für seinen Betrieb nötig ist: ein Sitzungs-Cookie \
      für die Dauer Ihres Besuchs (mit dem gewählten Ort), ein Cookie mit einem Sicherheitsschlüssel \
      gegen gefälschte Formulare (CSRF) und, wenn Sie die Sprache wechseln, ein Cookie mit der \
      gewählten Sprache.

      Es werden keine Analyse- oder Werbedienste eingebunden und keine Inhalte von fremden Servern \
      geladen.

      Bitte geben Sie in diesem Demonstrationssystem keine echten personenbezogenen Daten ein.""";

  /** Stadt Erfurt may frame its apps in pages served on this machine, to try embedding (#18). */
  private static final String EMBEDDING_DEMO_ARS = "160510000000";

  private final TenantManagement tenants;
  private final EmbeddingOrigins embedding;

  DemoTenants(TenantManagement tenants, EmbeddingOrigins embedding) {
    this.tenants = tenants;
    this.embedding = embedding;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (Demo demo : demos()) {
      if (tenants.bySlug(demo.slug()).isEmpty() && tenants.byAuthority(demo.ars()).isEmpty()) {
        Tenant tenant = tenants.create(demo.slug(), demo.ars(), demo.profile());
        if (demo.ars().equals(EMBEDDING_DEMO_ARS)) {
          embedding.replace(tenant.id(), List.of("http://localhost:*", "http://127.0.0.1:*"));
        }
      }
    }
  }

  private static List<Demo> demos() {
    return List.of(
        demo(
            "thueringen",
            "160000000000",
            "Freistaat Thüringen",
            "#a6002c",
            "Regierungsstraße 73",
            "99084",
            "Erfurt",
            "+49 361 0000-0",
            "serviceportal@thueringen.example",
            "https://thueringen.de",
            "Servicetelefon: Mo–Fr 8–18 Uhr"),
        demo(
            "erfurt",
            "160510000000",
            "Stadt Erfurt",
            "#b0061d",
            "Fischmarkt 1",
            "99084",
            "Erfurt",
            "+49 361 0001-0",
            "buergerservice@erfurt.example",
            "https://www.erfurt.de",
            "Mo 8–16 Uhr\nDi 8–18 Uhr\nMi geschlossen\nDo 8–18 Uhr\nFr 8–12 Uhr"),
        demo(
            "jena",
            "160530000000",
            "Stadt Jena",
            "#004d87",
            "Am Anger 15",
            "07743",
            "Jena",
            "+49 3641 0000-0",
            "buergerservice@jena.example",
            "https://www.jena.de",
            "Mo, Di, Do 8–18 Uhr\nMi 8–12 Uhr\nFr 8–14 Uhr"),
        demo(
            "landkreis-gotha",
            "160670000000",
            "Landkreis Gotha",
            "#1e5b38",
            "18.-März-Straße 50",
            "99867",
            "Gotha",
            "+49 3621 0000-0",
            "buergerservice@landkreis-gotha.example",
            "https://www.landkreis-gotha.de",
            "Mo–Mi 8–16 Uhr\nDo 8–18 Uhr\nFr 8–12 Uhr"),
        demo(
            "gotha",
            "160670029029",
            "Stadt Gotha",
            "#7a1f2b",
            "Hauptmarkt 1",
            "99867",
            "Gotha",
            "+49 3621 0001-0",
            "buergerbuero@gotha.example",
            "https://www.gotha.de",
            "Mo, Di, Do 9–18 Uhr\nFr 9–12 Uhr"),
        demo(
            "ohrdruf",
            "160675050053",
            "Stadt Ohrdruf",
            "#2d4a8a",
            "Marktplatz 1",
            "99885",
            "Ohrdruf",
            "+49 3624 0000-0",
            "buergerbuero@ohrdruf.example",
            "https://www.ohrdruf.de",
            "Di 9–12 und 13–18 Uhr\nDo 9–12 und 13–16 Uhr"));
  }

  private static Demo demo(
      String slug,
      String ars,
      String name,
      String colour,
      String street,
      String postcode,
      String city,
      String phone,
      String email,
      String website,
      String hours) {
    return new Demo(
        slug,
        ars,
        new TenantProfile(
            name,
            colour,
            street,
            postcode,
            city,
            phone,
            email,
            website,
            hours,
            IMPRESSUM.formatted(name, name, street, postcode, city),
            DATENSCHUTZ,
            "barrierefreiheit@" + slug + ".example"));
  }

  private record Demo(String slug, String ars, TenantProfile profile) {}
}
