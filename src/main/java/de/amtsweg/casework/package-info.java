/**
 * The built-in case inbox for authorities without a Fachverfahren (ADR 0017): every Antrag the
 * delivery module hands to the case inbox ({@link de.amtsweg.delivery.CaseInboxDelivered}) becomes
 * a case ({@link de.amtsweg.casework.Vorgang}) of its tenant. Caseworkers filter, open, assign and
 * decide cases, ask the applicant questions through the Postfach, send Bescheide from per-app
 * templates and keep internal notes; every view of personal data is written to the audit log
 * ({@link de.amtsweg.casework.CaseAudit}); closed cases are deleted after their retention period
 * ({@link de.amtsweg.casework.Retention}).
 *
 * <p>API: {@link de.amtsweg.casework.Vorgaenge}, {@link de.amtsweg.casework.BescheidTemplates},
 * {@link de.amtsweg.casework.CaseAudit}, {@link de.amtsweg.casework.Retention}. No module depends
 * on this one.
 */
@ApplicationModule(
    displayName = "Casework",
    allowedDependencies = {"account", "appstore", "delivery", "forms", "tenancy"})
@NullMarked
package de.amtsweg.casework;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
