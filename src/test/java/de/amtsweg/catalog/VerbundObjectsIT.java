package de.amtsweg.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import de.amtsweg.catalog.VerbundObjects.Kind;
import de.amtsweg.catalog.VerbundObjects.LinkStatus;
import de.amtsweg.catalog.VerbundObjects.Onlinedienst;
import de.amtsweg.catalog.VerbundObjects.Organisationseinheit;
import de.amtsweg.catalog.VerbundObjects.Rolle;
import de.amtsweg.catalog.VerbundObjects.Saved;
import de.amtsweg.catalog.VerbundObjects.Zustaendigkeitseintrag;
import de.amtsweg.support.AmtswegIT;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Responsibility objects are saved idempotently, report what changed, and validate their input. */
class VerbundObjectsIT extends AmtswegIT {

  private static final String KINDERGELD = "99041008000000";

  @Autowired VerbundObjects objects;

  @Test
  void savingTwiceChangesNothingAndAChangeIsReported() {
    Organisationseinheit unit =
        new Organisationseinheit(
            "objtest:fk-1",
            "objtest",
            "Familienkasse Test",
            null,
            "Weg 1",
            "99084",
            "Erfurt",
            null,
            null,
            "https://www.arbeitsagentur.de/familie-und-kinder",
            null);
    assertThat(objects.save(unit)).isEqualTo(Saved.CREATED);
    assertThat(objects.save(unit)).isEqualTo(Saved.UNCHANGED);
    Organisationseinheit moved =
        new Organisationseinheit(
            "objtest:fk-1",
            "objtest",
            "Familienkasse Test",
            null,
            "Weg 2",
            "99084",
            "Erfurt",
            null,
            null,
            "https://www.arbeitsagentur.de/familie-und-kinder",
            null);
    assertThat(objects.save(moved)).isEqualTo(Saved.CHANGED);
    assertThat(objects.organisationseinheit("objtest:fk-1"))
        .get()
        .extracting("street")
        .isEqualTo("Weg 2");

    Onlinedienst service =
        new Onlinedienst(
            "objtest:kg-online",
            "objtest",
            "Kindergeld online",
            "Familienkasse Test",
            "https://www.arbeitsagentur.de/familie-und-kinder/kindergeld-beantragen",
            LinkStatus.UNCHECKED);
    assertThat(objects.save(service)).isEqualTo(Saved.CREATED);
    Zustaendigkeitseintrag entry =
        new Zustaendigkeitseintrag(
            "objtest:z-1",
            "objtest",
            KINDERGELD,
            VerbundObjects.GERMANY,
            null,
            "objtest:kg-online",
            Rolle.ONLINEDIENST);
    assertThat(objects.save(entry)).isEqualTo(Saved.CREATED);
    assertThat(objects.save(entry)).isEqualTo(Saved.UNCHANGED);
    assertThat(objects.entries(KINDERGELD, List.of("160510000000", VerbundObjects.GERMANY)))
        .extracting(Zustaendigkeitseintrag::id)
        .contains("objtest:z-1");
    assertThat(objects.ids(Kind.ZUSTAENDIGKEIT, "objtest")).containsExactly("objtest:z-1");

    assertThat(objects.delete(Kind.ONLINEDIENST, "objtest:kg-online")).isTrue();
    assertThat(objects.ids(Kind.ZUSTAENDIGKEIT, "objtest")).as("cascade").isEmpty();
    assertThat(objects.delete(Kind.ONLINEDIENST, "objtest:never-sent")).isFalse();
    assertThat(objects.delete(Kind.ORGANISATIONSEINHEIT, "objtest:fk-1")).isTrue();
  }

  @Test
  void malformedObjectsAreRefusedNamingTheField() {
    assertThat(
            refusedField(
                () ->
                    objects.save(
                        new Onlinedienst(
                            "objtest:x",
                            "objtest",
                            "X",
                            "Y",
                            "http://evil.example/",
                            LinkStatus.UNCHECKED))))
        .isEqualTo("url");
    assertThat(
            refusedField(
                () ->
                    objects.save(
                        new Onlinedienst(
                            "other:x",
                            "objtest",
                            "X",
                            "Y",
                            "https://ok.example/",
                            LinkStatus.UNCHECKED))))
        .isEqualTo("id");
    assertThat(
            refusedField(
                () ->
                    objects.save(
                        new Zustaendigkeitseintrag(
                            "objtest:z",
                            "objtest",
                            KINDERGELD,
                            "16051",
                            "objtest:none",
                            null,
                            Rolle.ZUSTAENDIGE_STELLE))))
        .isEqualTo("regionArs");
    assertThat(
            refusedField(
                () ->
                    objects.save(
                        new Zustaendigkeitseintrag(
                            "objtest:z",
                            "objtest",
                            KINDERGELD,
                            "160510000000",
                            "objtest:none",
                            null,
                            Rolle.ZUSTAENDIGE_STELLE))))
        .isEqualTo("organisationseinheitId");
    assertThat(VerbundObjects.isWebAddress("http://localhost:8081/antrag/x")).isTrue();
    assertThat(VerbundObjects.isWebAddress("https://user@evil.example/")).isFalse();
  }

  private static Object refusedField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    CatalogException refused = catchThrowableOfType(CatalogException.class, call);
    assertThat(refused.type()).isEqualTo(CatalogException.INVALID_VERBUND_OBJECT);
    return refused.detailArguments()[0];
  }
}
