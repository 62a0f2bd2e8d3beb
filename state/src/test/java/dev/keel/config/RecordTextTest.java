package dev.keel.config;

import org.junit.jupiter.api.Test;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.lang.runtime.ObjectMethods;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The configuration's records write the text Java's default {@code toString} of a record writes (the cache's salt
 * is made of it): compared here with that default, {@link ObjectMethods}' own, for configurations using every key.
 */
class RecordTextTest {
    /** Java's default text of {@code r}: what a record without its own toString returns. */
    private static String javasText(Record r) throws Throwable {
        Class<?> type = r.getClass();
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
        RecordComponent[] components = type.getRecordComponents();
        MethodHandle[] getters = new MethodHandle[components.length];
        var names = new StringBuilder();
        for (int i = 0; i < components.length; i++) {
            getters[i] = lookup.unreflect(components[i].getAccessor());
            names.append(i == 0 ? "" : ";").append(components[i].getName());
        }
        var site = (java.lang.invoke.CallSite) ObjectMethods.bootstrap(lookup, "toString",
                MethodType.methodType(String.class, type), type, names.toString(), getters);
        return (String) site.dynamicInvoker().invoke(r);
    }

    @Test
    void everyConfigurationRecordWritesJavasText() throws Throwable {
        KeelConfig several = KeelConfig.parse("""
                {"sourceRoots": ["src/main/java", "gen"], "naming": "jpa", "beanValidation": true,
                 "apps": [{"label": "blog", "package": "a.b"}, {"label": "shop", "package": "c.d", "migrationsPackage": "c.m"}],
                 "largeTables": ["event", "audit.log"], "migrations": {"classpath": ["target/app.jar"]},
                 "databases": {"default": {"url": "jdbc:postgresql://h/db", "user": "u", "passwordEnv": "P", "lockTimeout": "1s",
                                           "statementTimeout": "9s", "largeTableRows": 10},
                               "region": {"user": "r", "targets": [{"name": "eu", "url": "jdbc:postgresql://eu/db"},
                                                                  {"name": "us", "url": "jdbc:postgresql://us/db", "user": "x", "passwordEnv": "Y"}]}}}
                """, "keel.json");
        KeelConfig one = KeelConfig.parse("{\"apps\": [{\"label\": \"blog\", \"package\": \"a.b\"}]}", "keel.json");
        for (KeelConfig c : List.of(several, one)) {
            assertEquals(javasText(c), c.toString());
            for (AppConfig app : c.apps()) {
                assertEquals(javasText(app), app.toString());
            }
            for (DatabaseConfig db : c.databases().values()) {
                assertEquals(javasText(db), db.toString());
                for (TargetConfig t : db.targets()) {
                    assertEquals(javasText(t), t.toString());
                }
            }
            assertEquals(javasText(c.migrations()), c.migrations().toString());
        }
    }
}
