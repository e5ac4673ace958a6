/**
 * The built-in case inbox for authorities without a Fachverfahren (ADR 0017, ADR 0021): a delivery
 * channel of its own ({@code CaseInboxChannel}); every Antrag the delivery engine hands to it
 * becomes a case ({@link de.amtsweg.casework.Vorgang}) of its tenant, and every change of a case is
 * reported back through delivery's back channel, as a Fachverfahren would. Caseworkers filter,
 * open, assign and decide cases, ask the applicant questions through the Postfach, send Bescheide
 * from per-app templates and keep internal notes; every view of personal data is written to the
 * audit log ({@link de.amtsweg.casework.CaseAudit}); closed cases are deleted after their retention
 * period ({@link de.amtsweg.casework.Retention}).
 *
 * <p>API: {@link de.amtsweg.casework.Vorgaenge}, {@link de.amtsweg.casework.Rueckfragen}, {@link
 * de.amtsweg.casework.Bescheide}, {@link de.amtsweg.casework.CaseFiles}, {@link
 * de.amtsweg.casework.CaseFees}, {@link de.amtsweg.casework.BescheidTemplates}, {@link
 * de.amtsweg.casework.CaseAudit}, {@link de.amtsweg.casework.Retention}. No module depends on this
 * one.
 */
@ApplicationModule(
    displayName = "Casework",
    allowedDependencies = {"account", "appstore", "delivery", "forms", "tenancy"})
@NullMarked
package de.amtsweg.casework;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
