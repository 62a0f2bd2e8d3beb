package dev.keel.spring.boot.shelf;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;

/** As an application's {@code @SpringBootApplication} class in package dev.keel.spring.boot.shelf would. */
@AutoConfigurationPackage
public class ShelfApplication {
}
