package de.amtsweg.platform.jobs;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Spring's {@code @Scheduled}, for the methods not yet moved onto {@link
 * de.amtsweg.platform.RecurringJob}: the delivery worker, the retry of e-invoice exports and the
 * draft clean-up. Unlike jobs, they run on every node. Delete this class when they are jobs.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ScheduledMethods {}
