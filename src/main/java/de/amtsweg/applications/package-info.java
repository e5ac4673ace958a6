@org.springframework.modulith.ApplicationModule(displayName = "Applications")
@org.jspecify.annotations.NullMarked
package de.amtsweg.applications;
