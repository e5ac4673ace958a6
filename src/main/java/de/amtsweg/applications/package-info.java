/**
 * Anträge: drafts saved at every step (with attachments and the prefill consent), submission into
 * an immutable Antrag with a citizen-facing reference number, receipt (PDF/A-3 with the data
 * embedded), confirmation by e-mail and Postfach, and the status timeline.
 *
 * <p>API: {@link de.amtsweg.applications.AntragManagement}, {@link de.amtsweg.applications.Drafts},
 * events {@link de.amtsweg.applications.AntragSubmitted}.
 */
@ApplicationModule(
    displayName = "Applications",
    allowedDependencies = {
      "account",
      "appstore",
      "catalog",
      "delivery",
      "forms",
      "payment",
      "tenancy"
    })
@NullMarked
package de.amtsweg.applications;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
