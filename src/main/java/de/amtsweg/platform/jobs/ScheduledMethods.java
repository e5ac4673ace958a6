package de.amtsweg.platform.jobs;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Spring's {@code @Scheduled}, for the methods not yet moved onto {@link
 * de.amtsweg.platform.RecurringJob}: the draft clean-up. Unlike jobs, it runs on every node. Delete
 * this class when it is a job.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ScheduledMethods {}
