package dev.keystone.gateway.browser;

import java.util.List;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Who may send events from a web page.
 *
 * @param allowedOrigins the pages' origins ({@code https://www.example.com}) or patterns
 * ({@code https://*.example.com}); {@code *} for any page, as a write key is public in
 * the page anyway and the key's scope and limits still apply
 */
@Validated
@ConfigurationProperties("keystone.gateway.browser-sdk")
public record BrowserSdkSettings(@NotNull List<String> allowedOrigins) {

}
