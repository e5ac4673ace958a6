package de.amtsweg.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import de.amtsweg.AmtswegApplication;
import de.amtsweg.support.Browser;
import de.amtsweg.support.StaffSignIn;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Outside the demo profile there are no demo accounts or tenants; the first operator is
 * bootstrapped; mail goes out over SMTP (a real SMTP server started by the test).
 */
class ProductionProfileIT {

  @Test
  void productionStartHasNoDemoDataButTheBootstrapOperator() {
    GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    try (ConfigurableApplicationContext app =
        new SpringApplicationBuilder(AmtswegApplication.class)
            .profiles("prod")
            .run(
                // Command-line arguments, as a user starts it: they override
                // application.properties.
                "--server.port=0",
                "--amtsweg.data-dir=target/it-data/prod-" + System.nanoTime(),
                "--amtsweg.embedded-database.ephemeral=true",
                // Production needs the key for second-factor secrets (openssl rand -base64 32).
                "--amtsweg.account.secret-key=q7V3m0xkC0oJ9WcU1o8m2cXo3rBvR0bS9Q8m3q4m5d0=",
                "--amtsweg.bootstrap-operator.username=Landesbetrieb",
                "--amtsweg.bootstrap-operator.password=Ein-langes-Startpasswort",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtp.getSmtp().getPort(),
                "--amtsweg.mail.poll-interval=200ms",
                "--amtsweg.public-url=https://portal.example")) {
      JdbcClient jdbc = app.getBean(JdbcClient.class);
      Browser visitor =
          new Browser(
              URI.create(
                  "http://localhost:" + app.getEnvironment().getProperty("local.server.port")));

      assertThat(jdbc.sql("select count(*) from tenant").query(Integer.class).single()).isZero();
      assertThat(jdbc.sql("select username from staff_account").query(String.class).list())
          .containsExactly("landesbetrieb");
      assertThat(Browser.page(visitor.get("/")).select(".demo-banner")).isEmpty();
      assertThat(
              visitor
                  .signIn("betrieb", "Amtsweg-Demo-2026")
                  .headers()
                  .firstValue("Location")
                  .orElseThrow())
          .contains("fehler");
      assertThat(
              visitor
                  .signIn("landesbetrieb", "Ein-langes-Startpasswort")
                  .headers()
                  .firstValue("Location")
                  .orElseThrow())
          .endsWith("/anmelden/zweiter-faktor");
      // The second factor is required outside the demo: the first login registers it.
      StaffSignIn.registerAuthenticator(visitor);
      assertThat(visitor.get("/admin/mandanten").statusCode()).isEqualTo(200);
      assertThat(Browser.page(visitor.get("/impressum")).text()).contains("noch nicht hinterlegt");
      assertThat(visitor.get("/demo/postfach-mails").statusCode()).isEqualTo(404);

      Browser citizen =
          new Browser(
              URI.create(
                  "http://localhost:" + app.getEnvironment().getProperty("local.server.port")));
      var form = Browser.page(citizen.get("/konto/registrieren"));
      citizen.submit(
          "/konto/registrieren",
          Browser.csrf(form),
          Map.of(
              "email",
              "neu@example.org",
              "password",
              "Kaffee Treppe Wolke Igel",
              "passwordRepeat",
              "Kaffee Treppe Wolke Igel"));

      assertThat(smtp.waitForIncomingEmail(15_000, 1)).isTrue();
      MimeMessage mail = smtp.getReceivedMessages()[0];
      assertThat(mail.getSubject()).isEqualTo("Bitte bestätigen Sie Ihre E-Mail-Adresse");
      assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("neu@example.org");
      assertThat(String.valueOf(mail.getContent()))
          .contains("https://portal.example/konto/bestaetigen?token=");
    } catch (jakarta.mail.MessagingException | java.io.IOException e) {
      throw new AssertionError(e);
    } finally {
      smtp.stop();
    }
  }
}
