package de.amtsweg.platform;

import org.springframework.util.unit.DataSize;

/**
 * A larger body limit for some requests, declared by the module that serves them as a bean, e.g.
 * {@code new BodyLimit("/api/v1/einvoices", DataSize.ofMegabytes(21))}. Every other request body is
 * bounded by {@code amtsweg.limits.request-body} (JSON, XML, anything not a form), the container's
 * form limit ({@code server.tomcat.max-http-form-post-size}) or the multipart limit ({@code
 * spring.servlet.multipart.max-request-size}). A larger body is refused with 413 before it is read.
 *
 * @param pathPattern a Spring path pattern ({@code /api/v1/delivery/**})
 * @param max the largest body accepted there
 */
public record BodyLimit(String pathPattern, DataSize max) {}
