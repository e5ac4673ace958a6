/** Amtsweg's application class. Every direct sub-package is one module (docs/architecture.md). */
@NullMarked
package de.amtsweg;

import org.jspecify.annotations.NullMarked;
