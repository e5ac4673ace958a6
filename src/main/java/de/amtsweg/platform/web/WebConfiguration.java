package de.amtsweg.platform.web;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/** Language selection for every page ({@code ?lang=de|en}, remembered in a cookie), HTML views. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

  @Bean
  LocaleResolver localeResolver() {
    return new SupportedLocaleResolver();
  }

  /**
   * Every view is an HTML page. Thymeleaf would otherwise take the type from the address's
   * extension: the error page for a case's {@code export.json} went out as {@code
   * application/json}.
   */
  @Bean
  static BeanPostProcessor viewsAreHtml() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessBeforeInitialization(Object bean, String name) {
        if (bean instanceof ThymeleafViewResolver resolver) {
          resolver.setForceContentType(true);
        }
        return bean;
      }
    };
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
    interceptor.setParamName("lang");
    interceptor.setIgnoreInvalidLocale(true);
    registry.addInterceptor(interceptor);
  }
}
