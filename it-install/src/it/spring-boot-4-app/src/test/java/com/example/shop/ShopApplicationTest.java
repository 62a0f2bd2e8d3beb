package com.example.shop;

import dev.keel.runner.testing.TestDatabase;
import dev.keel.runner.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The application on a fresh database: keel's starter migrates it, Hibernate validates it, the repository works. */
class ShopApplicationTest {
    @Test
    void startsOnAFreshDatabaseAndStoresProducts() throws Exception {
        try (TestDatabase db = TestPostgres.freshDatabase();
             ConfigurableApplicationContext context = new SpringApplicationBuilder(ShopApplication.class).properties(
                     "spring.datasource.url=" + db.url(), "spring.datasource.username=" + db.user(),
                     "spring.datasource.password=" + (db.password() == null ? "" : db.password())).run()) {
            // Spring Boot made JPA wait for keel's migrations
            assertTrue(List.of(context.getBeanFactory().getBeanDefinition("entityManagerFactory").getDependsOn())
                    .contains("keelMigrationInitializer"));
            ProductRepository products = context.getBean(ProductRepository.class);
            products.save(new Product("TEA-1", "Green tea", 450));
            assertEquals("Green tea", products.findBySku("TEA-1").orElseThrow().getName());
        }
    }
}
