package dev.keel.spring.boot;

import dev.keel.migration.Migration;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.filter.AssignableTypeFilter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Finds the packages that hold keel migration classes, as Spring's class-path scanning sees them. */
final class MigrationPackages {
    private MigrationPackages() {}

    /** Each package under {@code basePackages} holding {@code Migration} subclasses, with those classes' names, sorted. */
    static Map<String, List<String>> find(List<String> basePackages, ResourceLoader resourceLoader) {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.setResourceLoader(resourceLoader);
        scanner.addIncludeFilter(new AssignableTypeFilter(Migration.class));
        Map<String, List<String>> found = new TreeMap<>();
        for (String base : basePackages) {
            for (BeanDefinition candidate : scanner.findCandidateComponents(base)) {
                String className = candidate.getBeanClassName();
                String pkg = className.substring(0, className.lastIndexOf('.'));
                List<String> classes = found.computeIfAbsent(pkg, p -> new ArrayList<>());
                if (!classes.contains(className)) {
                    classes.add(className);
                }
            }
        }
        return found;
    }
}
