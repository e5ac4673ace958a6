/**
 * The Antrags-App definition language: a declarative, versionable description of an online
 * application (steps, fields, validation, conditions, computed values, prefill mappings,
 * declarations, tenant parameters), its loader that refuses broken definitions with a message
 * naming the place, the engine that validates answers against it for the HTML flow and the API
 * alike, and the import of FIM XDatenfelder schemas into a definition skeleton.
 *
 * <p>API: {@link de.amtsweg.forms.Definitions}, {@link de.amtsweg.forms.AppDefinition}, {@link
 * de.amtsweg.forms.FormEngine}, {@link de.amtsweg.forms.AnswerSchema}, {@link
 * de.amtsweg.forms.FimImport}.
 */
@ApplicationModule(
    displayName = "Forms",
    allowedDependencies = {})
@NullMarked
package de.amtsweg.forms;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
