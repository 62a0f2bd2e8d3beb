package com.example.bootblog;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application whose schema keel owns: keel-spring-boot-starter migrates the database as the
 * application starts, before JPA, and Hibernate only validates it ({@code spring.jpa.hibernate.ddl-auto=validate}).
 */
@SpringBootApplication
public class BootBlogApplication {
    public static void main(String[] args) {
        SpringApplication.run(BootBlogApplication.class, args);
    }
}
