package de.amtsweg.applications;

import de.amtsweg.support.Browser;

/** {@link AntragForms} for tests of other modules. */
public final class AntragFormsAccess {

  private AntragFormsAccess() {}

  public static void choosePlace(Browser browser, String ars) {
    AntragForms.choosePlace(browser, ars);
  }
}
