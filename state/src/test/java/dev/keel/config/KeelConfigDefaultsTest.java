package dev.keel.config;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeelConfigDefaultsTest {
    @Test
    void theBriefsExampleWithoutBeanValidationIsRead() {
        KeelConfig config = KeelConfig.parse("""
                {"apps": [{"label": "blog", "package": "com.acme.blog"}]}
                """, "keel.json");

        assertFalse(config.beanValidation());
        assertEquals(List.of("src/main/java"), config.sourceRoots());
        assertEquals("com.acme.blog.migrations", config.requireApp("blog").migrationsPackage());
    }

    @Test
    void beanValidationIsReadWhenGiven() {
        KeelConfig config = KeelConfig.parse("""
                {"beanValidation": true, "apps": [{"label": "blog", "package": "com.acme.blog"}]}
                """, "keel.json");

        assertTrue(config.beanValidation());
    }
}
