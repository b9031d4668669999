package dev.keystone.alert;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * alert-service: anomalies become alerts with a lifecycle, grouped notifications reach
 * each receiver once, and people acknowledge, resolve and silence them.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AlertApplication {

	public static void main(String[] args) {
		SpringApplication.run(AlertApplication.class, args);
	}

}
